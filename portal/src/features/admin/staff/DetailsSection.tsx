import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { formatDateTime } from '../../../shared/format/format';
import { useForm } from '../../../shared/forms/useForm';
import { TextField } from '../../../shared/ui/Field';
import { Alert } from '../../../shared/ui/States';
import { type OrgUnit, type StaffDetails } from '../api';
import { orThrow } from '../../../shared/api/problem';
import { DniField, OrgUnitField, PhoneField, RegionsField } from './PersonFields';
import { staffUpdateSchema } from './staffSchemas';
import { useSavedPerson } from './useSaveStaff';

/** Name, org unit, regions, DNI and phone; the e-mail is the sign-in name and stays. */
export function DetailsSection({ person, units, tenantRegions }: { person: StaffDetails; units: OrgUnit[]; tenantRegions: string[] }) {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const saved = useSavedPerson();
  const [done, setDone] = useState(false);
  const form = useForm({
    schema: staffUpdateSchema(tenantRegions),
    initial: { fullName: person.fullName, orgUnitId: person.orgUnitId ?? '', regions: person.regions, dni: person.dni ?? '', phone: person.phone ?? '' },
    // Keyed by the version it starts from: a draft of data changed since is not restored over the newer data.
    draftKey: `admin.staff.${person.id}.details.${person.updatedAt}`,
    onSubmit: async (body) => {
      setDone(false);
      await saved(orThrow(await api.PUT('/api/staff/{id}', { params: { path: { id: person.id } }, body })));
      setDone(true);
    },
  });
  const { values, set, errors } = form;

  return (
    <section className="card" aria-labelledby="person-details">
      <h2 id="person-details">{t('person.details')}</h2>
      <dl className="details">
        <dt>{t('common:field.email')}</dt>
        <dd>{person.email}</dd>
        <dt>{t('person.createdAt')}</dt>
        <dd>{formatDateTime(person.createdAt, i18n.language)}</dd>
        <dt>{t('person.updatedAt')}</dt>
        <dd>{formatDateTime(person.updatedAt, i18n.language)}</dd>
      </dl>
      {done && <Alert kind="success">{t('common:state.saved')}</Alert>}
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate aria-label={t('person.editDetails')}>
        <TextField label={t('common:field.fullName')} required autoComplete="off" value={values.fullName} error={errors.fullName} onChange={(event) => set('fullName', event.target.value)} />
        <OrgUnitField units={units} value={values.orgUnitId} error={errors.orgUnitId} onChange={(id) => set('orgUnitId', id)} />
        <RegionsField tenantRegions={tenantRegions} selected={values.regions} error={errors.regions} onChange={(regions) => set('regions', regions)} />
        <DniField value={values.dni} error={errors.dni} onChange={(dni) => set('dni', dni)} />
        <PhoneField value={values.phone} error={errors.phone} onChange={(phone) => set('phone', phone)} />
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {t('person.saveDetails')}
          </button>
        </div>
      </form>
    </section>
  );
}
