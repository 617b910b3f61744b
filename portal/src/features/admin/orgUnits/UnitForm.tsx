import { useId } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../../shared/api/client';
import { regionName } from '../../../shared/format/regions';
import { useForm } from '../../../shared/forms/useForm';
import { SelectField, TextField } from '../../../shared/ui/Field';
import { Alert } from '../../../shared/ui/States';
import { adminKeys, orgUnitKinds, type OrgUnit, type OrgUnitKind } from '../api';
import { orThrow } from '../../../shared/api/problem';
import { childKindOf, selfAndDescendants } from './tree';

const unitSchema = z.object({
  name: z.string().trim().min(2, 'admin:validation.unitName').max(200, 'admin:validation.unitName'),
  kind: z.enum(orgUnitKinds, { message: 'validation.required' }),
  regionCode: z.string().min(1, 'validation.required'),
  parentId: z.string(),
});

type UnitValues = z.input<typeof unitSchema>;

interface UnitFormProps {
  units: readonly OrgUnit[];
  tenantRegions: readonly string[];
  /** The unit being renamed or moved; none for a new one. */
  editing?: OrgUnit;
  /** Where a new unit goes; none for a top-level unit. */
  parent?: OrgUnit;
  onDone: (unit: OrgUnit) => void;
  onCancel: () => void;
}

/** Create a unit (under a parent or at the top) or rename, re-kind and move one. */
export function UnitForm({ units, tenantRegions, editing, parent, onDone, onCancel }: UnitFormProps) {
  const { t } = useTranslation(['admin', 'common']);
  const queries = useQueryClient();
  const headingId = useId();
  const initial: UnitValues = editing
    ? { name: editing.name, kind: editing.kind, regionCode: editing.regionCode, parentId: editing.parentId ?? '' }
    : { name: '', kind: childKindOf(parent?.kind), regionCode: parent?.regionCode ?? (tenantRegions.length === 1 ? tenantRegions[0]! : ''), parentId: parent?.id ?? '' };
  const form = useForm({
    schema: unitSchema,
    initial,
    draftKey: editing ? `admin.orgUnit.${editing.id}` : `admin.orgUnit.new.${parent?.id ?? 'top'}`,
    onSubmit: async ({ parentId, ...values }) => {
      const body = { ...values, parentId: parentId || null };
      const saved = editing
        ? orThrow(await api.PUT('/api/org-units/{id}', { params: { path: { id: editing.id } }, body }))
        : orThrow(await api.POST('/api/org-units', { body }));
      await queries.invalidateQueries({ queryKey: adminKeys.orgUnits });
      onDone(saved);
    },
  });
  const { values, set, errors } = form;
  const excluded = editing ? selfAndDescendants(units, editing.id) : new Set<string>();
  const regionChoices = tenantRegions.includes(values.regionCode) || !values.regionCode ? tenantRegions : [...tenantRegions, values.regionCode];

  const title = editing
    ? t('orgUnits.editTitle', { name: editing.name })
    : parent
      ? t('orgUnits.addChildTitle', { name: parent.name })
      : t('orgUnits.addTopTitle');

  return (
    <form className="stack inline-form" onSubmit={form.handleSubmit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {form.failure && <Alert>{form.failure}</Alert>}
      <TextField label={t('orgUnits.name')} required value={values.name} error={errors.name} onChange={(event) => set('name', event.target.value)} />
      <SelectField label={t('orgUnits.kind')} required value={values.kind} error={errors.kind} onChange={(event) => set('kind', event.target.value as OrgUnitKind)}>
        {orgUnitKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`orgUnits.kinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('common:field.region')} required value={values.regionCode} error={errors.regionCode} onChange={(event) => set('regionCode', event.target.value)}>
        <option value="">{t('orgUnits.chooseRegion')}</option>
        {regionChoices.map((code) => (
          <option key={code} value={code}>
            {regionName(code)}
          </option>
        ))}
      </SelectField>
      {editing && (
        <SelectField label={t('orgUnits.parent')} value={values.parentId} error={errors.parentId} onChange={(event) => set('parentId', event.target.value)}>
          <option value="">{t('orgUnits.noParent')}</option>
          {units
            .filter((unit) => !excluded.has(unit.id))
            .map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
        </SelectField>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={form.submitting}>
          {editing ? t('common:action.save') : t('orgUnits.create')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            form.clearDraft();
            onCancel();
          }}
        >
          {t('common:action.cancel')}
        </button>
      </div>
    </form>
  );
}
