import { useTranslation } from 'react-i18next';
import type { ApplicationStatus, ReviewStatus, TenantStatus } from './queries';

const tone: Record<string, string> = {
  Pending: 'badge badge-pending', Approved: 'badge badge-ok', Active: 'badge badge-ok',
  Rejected: 'badge badge-off', Suspended: 'badge badge-off', Returned: 'badge badge-pending',
};

export function ApplicationBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <span className={tone[status]}>{t(`applicationStatus.${status}`)}</span>;
}

export function TenantBadge({ status }: { status: TenantStatus }) {
  const { t } = useTranslation();
  return <span className={tone[status]}>{t(`tenantStatus.${status}`)}</span>;
}

export function ReviewBadge({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation('national');
  return <span className={tone[status]}>{t(`reviewStatus.${status}`)}</span>;
}

export function ProgrammeBadge({ closedAt }: { closedAt: string | null }) {
  const { t } = useTranslation('national');
  return <span className={closedAt ? 'badge badge-off' : 'badge badge-ok'}>{t(closedAt ? 'programmes.closed' : 'programmes.open')}</span>;
}
