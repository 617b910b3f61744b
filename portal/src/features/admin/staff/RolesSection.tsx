import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { useForm } from '../../../shared/forms/useForm';
import { Alert } from '../../../shared/ui/States';
import { tenantRoles, type StaffDetails } from '../api';
import { orThrow } from '../../../shared/api/problem';
import { RolesField } from './PersonFields';
import { rolesSchema } from './staffSchemas';
import { useSavedPerson } from './useSaveStaff';

type TenantRole = (typeof tenantRoles)[number];

/** What the person may do. The service refuses taking away one's own administrator role, and says so. */
export function RolesSection({ person }: { person: StaffDetails }) {
  const { t } = useTranslation(['admin', 'common']);
  const saved = useSavedPerson();
  const [done, setDone] = useState(false);
  const form = useForm({
    schema: rolesSchema,
    initial: { roles: person.roles.filter((role): role is TenantRole => (tenantRoles as readonly string[]).includes(role)) },
    // Keyed by the roles it starts from: a draft of roles changed since is not restored over them.
    draftKey: `admin.staff.${person.id}.roles.${person.roles.join('+')}`,
    onSubmit: async (body) => {
      setDone(false);
      await saved(orThrow(await api.PUT('/api/staff/{id}/roles', { params: { path: { id: person.id } }, body })));
      setDone(true);
    },
  });

  return (
    <section className="card" aria-labelledby="person-roles">
      <h2 id="person-roles">{t('person.roles')}</h2>
      {done && <Alert kind="success">{t('person.rolesSaved')}</Alert>}
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <RolesField selected={form.values.roles} error={form.errors.roles} onChange={(roles) => form.set('roles', roles as TenantRole[])} />
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {t('person.saveRoles')}
          </button>
        </div>
      </form>
    </section>
  );
}
