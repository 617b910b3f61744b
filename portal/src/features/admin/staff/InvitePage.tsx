import { useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { useForm } from '../../../shared/forms/useForm';
import { TextField } from '../../../shared/ui/Field';
import { Page } from '../../../shared/ui/Page';
import { Alert, ErrorState, Loading } from '../../../shared/ui/States';
import { adminKeys, useCurrentTenant, useOrgUnits, type OrgUnit, type StaffDetails } from '../api';
import { orThrow } from '../../../shared/api/problem';
import { DniField, OrgUnitField, PhoneField, RegionsField, RolesField } from './PersonFields';
import { inviteSchema, type InviteValues } from './staffSchemas';

const empty: InviteValues = { fullName: '', email: '', roles: [], orgUnitId: '', regions: [], dni: '', phone: '' };

/** Invite a person: the service creates their account and e-mails them a link to choose their password. */
export default function InvitePage() {
  const { t } = useTranslation(['admin', 'common']);
  const tenant = useCurrentTenant();
  const units = useOrgUnits();
  const [invited, setInvited] = useState<StaffDetails>();

  if (invited) {
    return (
      <Page title={t('invite.doneTitle')}>
        <Alert kind="success">
          <p>{t('invite.sent', { email: invited.email })}</p>
          <p>{t('invite.validity')}</p>
        </Alert>
        <div className="actions">
          <Link className="button" to={`/personal/${invited.id}`}>
            {t('invite.seePerson')}
          </Link>
          <button type="button" className="button secondary" onClick={() => setInvited(undefined)}>
            {t('invite.another')}
          </button>
          <Link className="button secondary" to="/personal">
            {t('staff.title')}
          </Link>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('invite.title')} lead={t('invite.lead')}>
      {tenant.isPending || units.isPending ? (
        <Loading />
      ) : tenant.isError ? (
        <ErrorState error={tenant.error} onRetry={() => void tenant.refetch()} />
      ) : units.isError ? (
        <ErrorState error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <InviteForm tenantRegions={tenant.data.regions} units={units.data} onInvited={setInvited} />
      )}
    </Page>
  );
}

function InviteForm({ tenantRegions, units, onInvited }: { tenantRegions: string[]; units: OrgUnit[]; onInvited: (person: StaffDetails) => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const queries = useQueryClient();
  const form = useForm({
    schema: inviteSchema(tenantRegions),
    initial: empty,
    draftKey: 'admin.invite',
    onSubmit: async (body) => {
      const person = orThrow(await api.POST('/api/staff/invitations', { body }));
      await queries.invalidateQueries({ queryKey: adminKeys.staff });
      onInvited(person);
    },
  });
  const { values, set, errors } = form;

  return (
    <>
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <TextField label={t('common:field.fullName')} required autoComplete="off" value={values.fullName} error={errors.fullName} onChange={(event) => set('fullName', event.target.value)} />
        <TextField
          label={t('common:field.email')}
          required
          type="email"
          autoComplete="off"
          hint={t('invite.emailHint')}
          value={values.email}
          error={errors.email}
          onChange={(event) => set('email', event.target.value)}
        />
        <RolesField selected={values.roles} error={errors.roles} onChange={(roles) => set('roles', roles as InviteValues['roles'])} />
        <OrgUnitField units={units} value={values.orgUnitId} error={errors.orgUnitId} onChange={(id) => set('orgUnitId', id)} />
        <RegionsField tenantRegions={tenantRegions} selected={values.regions} error={errors.regions} onChange={(regions) => set('regions', regions)} />
        <DniField value={values.dni} error={errors.dni} onChange={(dni) => set('dni', dni)} />
        <PhoneField value={values.phone} error={errors.phone} onChange={(phone) => set('phone', phone)} />
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {t('invite.submit')}
          </button>
          <Link className="button secondary" to="/personal">
            {t('common:action.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
