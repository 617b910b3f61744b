import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format/format';
import { deskStage } from './actions';
import type { Plan } from './queries';

const tone = { notSubmitted: 'badge badge-pending', waiting: 'badge badge-pending', returned: 'badge badge-pending', approved: 'badge badge-ok', rejected: 'badge badge-off' };

/** For a plan on a national programme: where it stands on the national unit's desk, with its decision and reason. */
export function NationalDesk({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation('plans');
  const { stage, decision } = deskStage(plan);
  return (
    <section className="card" aria-labelledby="plan-desk-title">
      <h2 id="plan-desk-title">{t('desk.title')}</h2>
      <p>
        <span className={tone[stage]}>{t(`desk.stage.${stage}`)}</span>
      </p>
      <p>{t(`desk.explain.${stage}`)}</p>
      {decision && (
        <dl className="details">
          <dt>{t('desk.decidedAt')}</dt>
          <dd>{t('desk.decidedBy', { date: formatDate(decision.at, i18n.language), name: decision.actorName ?? t('desk.nationalUnit') })}</dd>
          {decision.comment && (
            <>
              <dt>{t(stage === 'approved' ? 'desk.comment' : 'desk.reason')}</dt>
              <dd>{decision.comment}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
