import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format/format';
import type { Programme } from './queries';

/**
 * A national programme's money as the institution may see it (docs/decisions/0025): its own committed and disbursed
 * part and whether a plan at the per-plan maximum still fits; the programme's totals only when the national unit made it
 * public. Nothing for the institution's own programmes, whose totals the plan's rules already show.
 */
export function ProgrammeBudget({ programme }: { programme: Programme }) {
  const { t } = useTranslation('plans');
  if (!programme.isNational || programme.tenantCommittedPen === null) return null;
  return (
    <dl className="details">
      <dt>{t('budget.ownCommitted')}</dt>
      <dd>{formatMoney(Number(programme.tenantCommittedPen))}</dd>
      <dt>{t('budget.ownDisbursed')}</dt>
      <dd>{formatMoney(Number(programme.tenantDisbursedPen))}</dd>
      <dt>{t('budget.state')}</dt>
      <dd>{t(programme.budgetRemains ? 'budget.remains' : 'budget.exhausted')}</dd>
      {programme.committedPen !== null && (
        <>
          <dt>{t('budget.committed')}</dt>
          <dd>{formatMoney(Number(programme.committedPen))}</dd>
          <dt>{t('budget.remaining')}</dt>
          <dd>{formatMoney(Number(programme.remainingPen))}</dd>
        </>
      )}
    </dl>
  );
}
