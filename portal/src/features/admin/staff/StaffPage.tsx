import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { orThrow } from '../../../shared/api/problem';
import { Page } from '../../../shared/ui/Page';
import { ErrorState, Loading } from '../../../shared/ui/States';
import { adminKeys, useCurrentTenant, useOrgUnits } from '../api';
import { DetailsSection } from './DetailsSection';
import { RolesSection } from './RolesSection';
import { SelectionSection } from './SelectionSection';
import { StaffBadges } from './StaffBadges';
import { InvitationNotice, StatusSection } from './StatusSection';
import { TrainingSection } from './TrainingSection';
import '../admin.css';

/** One person: their data, roles, selection criteria, training record, access and invitation. */
export default function StaffPage() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const person = useQuery({
    queryKey: adminKeys.person(id),
    queryFn: async () => orThrow(await api.GET('/api/staff/{id}', { params: { path: { id } } })),
  });
  const tenant = useCurrentTenant();
  const units = useOrgUnits();

  const back = (
    <Link className="button secondary" to="/personal">
      {t('person.back')}
    </Link>
  );
  const failed = [person, tenant, units].find((query) => query.isError);

  if (failed) {
    return (
      <Page title={t('person.title')} actions={back}>
        <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
      </Page>
    );
  }
  if (!person.data || !tenant.data || !units.data) {
    return (
      <Page title={t('person.title')} actions={back}>
        <Loading />
      </Page>
    );
  }

  const data = person.data;
  return (
    <Page title={data.fullName} lead={!data.isActive || data.invitationPending ? <StaffBadges person={data} /> : undefined} actions={back}>
      {data.invitationPending && <InvitationNotice person={data} />}
      <DetailsSection key={`details-${data.id}`} person={data} units={units.data} tenantRegions={tenant.data.regions} />
      <RolesSection key={`roles-${data.id}`} person={data} />
      <SelectionSection key={`selection-${data.id}`} person={data} />
      <TrainingSection key={`training-${data.id}`} person={data} />
      <StatusSection person={data} />
    </Page>
  );
}
