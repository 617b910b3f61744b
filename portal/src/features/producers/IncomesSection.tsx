import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { useForm } from '../../shared/forms/useForm';
import { formatDate, formatMoney } from '../../shared/format/format';
import { DataTable } from '../../shared/ui/DataTable';
import { SelectField, TextField } from '../../shared/ui/Field';
import { Alert, QueryView } from '../../shared/ui/States';
import { incomeKinds, producerKeys, today, useIncomes, type Income } from './api';
import { incomeSchema, type IncomeValues } from './producerSchema';

const emptyIncome: IncomeValues = { kind: '', measuredOn: '', annualNetIncomePen: '' };

/** The producer's annual net income: one baseline, then follow-ups, the figure the methodology's results are read by. */
export function IncomesSection({ producerId, editable }: { producerId: string; editable: boolean }) {
  const { t, i18n } = useTranslation(['producers', 'common']);
  const incomes = useIncomes(producerId);
  const [recorded, setRecorded] = useState(0);

  return (
    <section className="card" aria-labelledby="producer-incomes">
      <h2 id="producer-incomes">{t('incomes.title')}</h2>
      <QueryView query={incomes} isEmpty={(list) => list.length === 0} empty={t('incomes.none')}>
        {(list) => (
          <DataTable<Income>
            caption={t('incomes.caption')}
            rows={list}
            rowKey={(income) => income.id}
            columns={[
              { key: 'date', header: t('incomes.measuredOn'), rowHeader: true, cell: (income) => formatDate(income.measuredOn, i18n.language) },
              { key: 'kind', header: t('incomes.kind'), cell: (income) => t(`incomeKind.${income.kind}`) },
              { key: 'amount', header: t('incomes.amount'), numeric: true, cell: (income) => formatMoney(Number(income.annualNetIncomePen)) },
            ]}
          />
        )}
      </QueryView>
      {recorded > 0 && <Alert kind="success">{t('incomes.recorded')}</Alert>}
      {editable && <IncomeForm key={recorded} producerId={producerId} onRecorded={() => setRecorded((count) => count + 1)} />}
    </section>
  );
}

function IncomeForm({ producerId, onRecorded }: { producerId: string; onRecorded: () => void }) {
  const { t } = useTranslation(['producers', 'common']);
  const queries = useQueryClient();
  const now = today();
  const form = useForm({
    schema: incomeSchema(now),
    initial: emptyIncome,
    draftKey: `producers.income.${producerId}`,
    onSubmit: async (body) => {
      orThrow(await api.POST('/api/producers/{id}/incomes', { params: { path: { id: producerId } }, body }));
      await queries.invalidateQueries({ queryKey: producerKeys.incomes(producerId) });
      // The next form starts empty: its draft goes before it mounts.
      form.clearDraft();
      onRecorded();
    },
  });
  const { values, set, errors } = form;

  return (
    <form className="stack" onSubmit={form.handleSubmit} noValidate aria-labelledby="income-form-title">
      <h3 id="income-form-title">{t('incomes.record')}</h3>
      {form.failure && <Alert>{form.failure}</Alert>}
      <SelectField label={t('incomes.kind')} required value={values.kind} error={errors.kind} onChange={(event) => set('kind', event.target.value as IncomeValues['kind'])}>
        <option value="">{t('place.choose')}</option>
        {incomeKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`incomeKind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('incomes.measuredOn')} required type="date" max={now} value={values.measuredOn} error={errors.measuredOn} onChange={(event) => set('measuredOn', event.target.value)} />
      <TextField
        label={t('incomes.amount')}
        hint={t('incomes.amountHint')}
        required
        inputMode="decimal"
        value={values.annualNetIncomePen}
        error={errors.annualNetIncomePen}
        onChange={(event) => set('annualNetIncomePen', event.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={form.submitting}>
          {t('incomes.submit')}
        </button>
      </div>
    </form>
  );
}
