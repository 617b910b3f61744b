import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatPercent } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { useNames } from './names';
import type { Programme } from './queries';

type Rules = Pick<
  Programme,
  'funder' | 'totalBudgetPen' | 'maxProgrammeFundsPerPlanPen' | 'minNetworkContributionShare' | 'minPhase' | 'startsOn' | 'endsOn' | 'eligibleValueChains' | 'eligibleRegions'
>;

/** A programme's rules as an applying institution reads them: money in S/, the network's share in %, phase and dates. */
export function ProgrammeRules({ rules, level = 2 }: { rules: Rules; level?: 2 | 3 }) {
  const { t, i18n } = useTranslation('national');
  const names = useNames();
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="programme-rules" aria-labelledby={id}>
      <Heading id={id}>{t('rules.title')}</Heading>
      <dl className="details">
        <dt>{t('rules.funder')}</dt>
        <dd>{rules.funder}</dd>
        <dt>{t('rules.budget')}</dt>
        <dd>{formatMoney(Number(rules.totalBudgetPen))}</dd>
        <dt>{t('rules.maxPerPlan')}</dt>
        <dd>{formatMoney(Number(rules.maxProgrammeFundsPerPlanPen))}</dd>
        <dt>{t('rules.minShare')}</dt>
        <dd>{formatPercent(Number(rules.minNetworkContributionShare))}</dd>
        <dt>{t('rules.minPhase')}</dt>
        <dd>{names.phase(rules.minPhase)}</dd>
        <dt>{t('rules.period')}</dt>
        <dd>{t('rules.periodValue', { from: formatDate(rules.startsOn, i18n.language), to: formatDate(rules.endsOn, i18n.language) })}</dd>
        <dt>{t('rules.valueChains')}</dt>
        <dd>{rules.eligibleValueChains.length ? rules.eligibleValueChains.map(names.valueChain).join(', ') : t('rules.allValueChains')}</dd>
        <dt>{t('rules.regions')}</dt>
        <dd>{rules.eligibleRegions.length ? rules.eligibleRegions.map(regionName).join(', ') : t('rules.allRegions')}</dd>
      </dl>
    </section>
  );
}
