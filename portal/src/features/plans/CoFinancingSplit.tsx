import { useTranslation } from 'react-i18next';
import { formatMoney, formatPercent } from '../../shared/format/format';
import type { Split } from './budget';

/** The plan's total and who pays it: the programme, the network in cash and in kind, and the network's share. */
export function CoFinancingSplit({ split, headingId }: { split: Split; headingId?: string }) {
  const { t } = useTranslation('plans');
  const money = (cents: number) => formatMoney(cents / 100);
  return (
    <dl className="details plan-split" aria-labelledby={headingId}>
      <dt>{t('split.programme')}</dt>
      <dd className="figure-text">{money(split.programme)}</dd>
      <dt>{t('split.cash')}</dt>
      <dd className="figure-text">{money(split.cash)}</dd>
      <dt>{t('split.inKind')}</dt>
      <dd className="figure-text">{money(split.inKind)}</dd>
      <dt>{t('split.network')}</dt>
      <dd className="figure-text">{t('split.networkValue', { amount: money(split.network), share: formatPercent(split.share) })}</dd>
      <dt>{t('split.total')}</dt>
      <dd className="figure-text">{money(split.total)}</dd>
    </dl>
  );
}
