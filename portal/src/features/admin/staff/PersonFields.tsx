import { useTranslation } from 'react-i18next';
import { regionName } from '../../../shared/format/regions';
import { CheckboxGroup, SelectField, TextField } from '../../../shared/ui/Field';
import { tenantRoles, type OrgUnit } from '../api';

/** The roles as checkboxes with their Spanish (or English) names. */
export function RolesField({ selected, error, onChange }: { selected: readonly string[]; error?: string; onChange: (roles: string[]) => void }) {
  const { t } = useTranslation(['admin', 'common']);
  return (
    <CheckboxGroup
      legend={t('person.roles')}
      hint={t('person.rolesHint')}
      options={tenantRoles.map((role) => ({ value: role, label: t(`common:role.${role}`) }))}
      selected={selected}
      error={error}
      onChange={onChange}
    />
  );
}

/** The org unit a person belongs to, or none. */
export function OrgUnitField({ units, value, error, onChange }: { units: readonly OrgUnit[]; value: string; error?: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('admin');
  return (
    <SelectField label={t('person.orgUnit')} value={value} error={error} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t('person.noOrgUnit')}</option>
      {units.map((unit) => (
        <option key={unit.id} value={unit.id}>
          {unit.name}
        </option>
      ))}
    </SelectField>
  );
}

/** The regions a person works in, limited to the institution's own. */
export function RegionsField({ tenantRegions, selected, error, onChange }: { tenantRegions: readonly string[]; selected: readonly string[]; error?: string; onChange: (regions: string[]) => void }) {
  const { t } = useTranslation(['admin', 'common']);
  return (
    <CheckboxGroup
      legend={t('common:field.regions')}
      hint={t('person.regionsHint')}
      // A region chosen earlier that the institution no longer works in stays visible, so it can be unticked.
      options={[...tenantRegions, ...selected.filter((code) => !tenantRegions.includes(code))].map((code) => ({ value: code, label: regionName(code) }))}
      selected={selected}
      error={error}
      onChange={onChange}
    />
  );
}

export function DniField({ value, error, onChange }: { value: string; error?: string; onChange: (dni: string) => void }) {
  const { t } = useTranslation('admin');
  return (
    <TextField
      label={t('person.dni')}
      hint={t('person.dniHint')}
      inputMode="numeric"
      maxLength={8}
      autoComplete="off"
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
    />
  );
}

export function PhoneField({ value, error, onChange }: { value: string; error?: string; onChange: (phone: string) => void }) {
  const { t } = useTranslation('admin');
  return <TextField label={t('person.phone')} type="tel" autoComplete="off" maxLength={20} value={value} error={error} onChange={(event) => onChange(event.target.value)} />;
}
