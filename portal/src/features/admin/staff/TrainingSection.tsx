import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { formatDate, formatNumber } from '../../../shared/format/format';
import { useForm } from '../../../shared/forms/useForm';
import { DataTable } from '../../../shared/ui/DataTable';
import { TextField } from '../../../shared/ui/Field';
import { Alert, Empty } from '../../../shared/ui/States';
import { adminKeys, today, type StaffDetails, type Training } from '../api';
import { orThrow } from '../../../shared/api/problem';
import { trainingSchema, type TrainingValues } from './staffSchemas';

const empty: TrainingValues = { module: '', completedOn: '', hours: '', passed: false };

/** The person's training record, and a form to add a completed module. */
export function TrainingSection({ person }: { person: StaffDetails }) {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const queries = useQueryClient();
  const [added, setAdded] = useState<string>();
  const latest = today();
  const form = useForm({
    schema: trainingSchema(latest),
    initial: empty,
    draftKey: `admin.staff.${person.id}.training`,
    onSubmit: async (body) => {
      setAdded(undefined);
      const training = orThrow(await api.POST('/api/staff/{id}/trainings', { params: { path: { id: person.id } }, body }));
      await queries.invalidateQueries({ queryKey: adminKeys.staff });
      setAdded(training.module);
      form.clearDraft();
      reset();
    },
  });
  const { values, set, errors } = form;

  function reset() {
    set('module', '');
    set('completedOn', '');
    set('hours', '');
    set('passed', false);
  }

  return (
    <section className="card" aria-labelledby="person-training">
      <h2 id="person-training">{t('training.title')}</h2>
      {person.trainings.length === 0 ? (
        <Empty>{t('training.none')}</Empty>
      ) : (
        <DataTable<Training>
          caption={t('training.caption', { name: person.fullName })}
          rows={person.trainings}
          rowKey={(training) => training.id}
          columns={[
            { key: 'module', header: t('training.module'), rowHeader: true, cell: (training) => training.module },
            { key: 'completedOn', header: t('training.completedOn'), cell: (training) => formatDate(training.completedOn, i18n.language) },
            { key: 'hours', header: t('training.hours'), numeric: true, cell: (training) => formatNumber(Number(training.hours)) },
            {
              key: 'passed',
              header: t('training.result'),
              cell: (training) => <span className={training.passed ? 'badge badge-ok' : 'badge badge-off'}>{training.passed ? t('training.passed') : t('training.failed')}</span>,
            },
          ]}
        />
      )}
      <h3>{t('training.add')}</h3>
      {added && <Alert kind="success">{t('training.added', { module: added })}</Alert>}
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <TextField label={t('training.module')} required value={values.module} error={errors.module} onChange={(event) => set('module', event.target.value)} />
        <TextField label={t('training.completedOn')} required type="date" max={latest} value={values.completedOn} error={errors.completedOn} onChange={(event) => set('completedOn', event.target.value)} />
        <TextField label={t('training.hours')} required hint={t('training.hoursHint')} inputMode="decimal" value={values.hours} error={errors.hours} onChange={(event) => set('hours', event.target.value)} />
        <label className="checkbox">
          <input type="checkbox" checked={values.passed} onChange={(event) => set('passed', event.target.checked)} />
          {t('training.passedLabel')}
        </label>
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {t('training.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
