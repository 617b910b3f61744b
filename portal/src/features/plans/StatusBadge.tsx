import { useTranslation } from 'react-i18next';
import type { PlanStatus } from './queries';

const tone: Record<PlanStatus, string> = {
  Draft: 'badge badge-pending', Submitted: 'badge badge-pending', Returned: 'badge badge-pending',
  Approved: 'badge badge-ok', InExecution: 'badge badge-ok', Closed: 'badge badge-ok', Rejected: 'badge badge-off',
};

/** A plan's status by its Spanish name (English when switched), never by colour alone. */
export function StatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation('plans');
  return <span className={tone[status]}>{t(`status.${status}`)}</span>;
}
