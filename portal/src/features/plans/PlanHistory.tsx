import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format/format';
import { DataTable } from '../../shared/ui/DataTable';
import type { Plan } from './queries';

/** Each step of the plan's workflow: when, from and to which status, who, and why. */
export function PlanHistory({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation('plans');
  const rows = plan.history.map((step, index) => ({ ...step, key: `${step.at}-${index}` }));
  return (
    <section aria-labelledby="plan-history-title">
      <h2 id="plan-history-title">{t('history.title')}</h2>
      <DataTable
        caption={t('history.caption')}
        rowKey={(row) => row.key}
        rows={rows}
        columns={[
          { key: 'at', header: t('history.at'), rowHeader: true, cell: (row) => formatDateTime(row.at, i18n.language) },
          { key: 'to', header: t('history.to'), cell: (row) => (row.fromStatus ? t('history.move', { from: t(`status.${row.fromStatus}`), to: t(`status.${row.toStatus}`) }) : t(`status.${row.toStatus}`)) },
          { key: 'actor', header: t('history.actor'), cell: (row) => row.actorName ?? '—' },
          { key: 'comment', header: t('history.comment'), cell: (row) => row.comment ?? '—' },
        ]}
      />
    </section>
  );
}
