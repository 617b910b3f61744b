import { useTranslation } from 'react-i18next';
import { phases } from '../../shared/format/phases';
import { regionName } from '../../shared/format/regions';
import { useValueChainName } from '../../shared/format/valueChains';
import type { Check } from './budget';

/**
 * The programme's rules against the plan as typed: each says in words whether it is met and why not, announced
 * politely as the figures change (never by colour alone).
 */
export function RuleChecklist({ checks, id }: { checks: readonly Check[]; id: string }) {
  const { t } = useTranslation('plans');
  const chain = useValueChainName();
  const values = (check: Check) => {
    if (check.key === 'phase')
      return { phase: t(`common:phase.${String(check.values.phase)}`), minPhase: t(`common:phase.${phases[Number(check.values.minPhase)] ?? phases[0]}`) };
    if (check.key === 'valueChain') return { chain: chain(String(check.values.code)) };
    if (check.key === 'region') return { region: regionName(String(check.values.code)) };
    return check.values;
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('checks.title')}</h2>
      <ul className="plan-checks" id={id} aria-live="polite">
        {checks.map((check) => (
          <li key={check.key}>
            <span className={check.ok ? 'badge badge-ok' : 'badge badge-off'}>{t(check.ok ? 'checks.meets' : 'checks.fails')}</span>{' '}
            {t(`checks.${check.key}.${check.ok ? 'ok' : 'fail'}`, values(check))}
          </li>
        ))}
      </ul>
    </section>
  );
}
