import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { formatDateTime } from '../../../shared/format/format';
import { useForm } from '../../../shared/forms/useForm';
import { CheckboxGroup, TextAreaField } from '../../../shared/ui/Field';
import { Alert } from '../../../shared/ui/States';
import { type StaffDetails } from '../api';
import { orThrow } from '../../../shared/api/problem';
import { selectionCriteria, selectionSchema } from './staffSchemas';
import { useSavedPerson } from './useSaveStaff';

/** The methodology's three selection criteria for a specialist, with notes; met only when all three hold. */
export function SelectionSection({ person }: { person: StaffDetails }) {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const saved = useSavedPerson();
  const [done, setDone] = useState(false);
  const { selection } = person;
  const form = useForm({
    schema: selectionSchema,
    initial: { met: selectionCriteria.filter((criterion) => selection[criterion]) as string[], notes: selection.notes ?? '' },
    // Keyed by the assessment it starts from: a draft of an older assessment is not restored over a newer one.
    draftKey: `admin.staff.${person.id}.selection.${selection.assessedAt ?? 'none'}`,
    onSubmit: async (body) => {
      setDone(false);
      await saved(orThrow(await api.PUT('/api/staff/{id}/selection-criteria', { params: { path: { id: person.id } }, body })));
      setDone(true);
    },
  });

  return (
    <section className="card" aria-labelledby="person-selection">
      <h2 id="person-selection">{t('selection.title')}</h2>
      <p>
        <span className={selection.isMet ? 'badge badge-ok' : 'badge badge-pending'}>{selection.isMet ? t('selection.met') : t('selection.notMet')}</span>{' '}
        {selection.assessedAt ? t('selection.assessedAt', { date: formatDateTime(selection.assessedAt, i18n.language) }) : t('selection.neverAssessed')}
      </p>
      {done && <Alert kind="success">{t('selection.saved')}</Alert>}
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <CheckboxGroup
          legend={t('selection.legend')}
          hint={t('selection.hint')}
          options={selectionCriteria.map((criterion) => ({ value: criterion, label: t(`selection.${criterion}`) }))}
          selected={form.values.met}
          error={form.errors.met}
          onChange={(met) => form.set('met', met)}
        />
        <TextAreaField label={t('selection.notes')} rows={3} maxLength={2000} value={form.values.notes} error={form.errors.notes} onChange={(event) => form.set('notes', event.target.value)} />
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {t('selection.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
