import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { useForm } from '../../shared/forms/useForm';
import { formatMoney } from '../../shared/format/format';
import { TextField } from '../../shared/ui/Field';
import { Alert } from '../../shared/ui/States';
import { centsOf } from './money';
import { today, type Plan } from './queries';
import { contributionSchema, disbursementSchema } from './recordSchemas';

interface RecordFormProps {
  plan: Plan;
  onRecorded: (updated: Plan) => void;
}

/** A tranche of the programme's funds paid to the plan, within what remains of the approved funds. */
export function DisbursementForm({ plan, onRecorded }: RecordFormProps) {
  const { t } = useTranslation('plans');
  const remaining = centsOf(plan.programmeFundsPen) - centsOf(plan.disbursedPen);
  const form = useForm({
    schema: disbursementSchema(remaining),
    initial: { amountPen: '', on: today(), reference: '' },
    draftKey: `plans.disbursement.${plan.id}`,
    onSubmit: async (body) => {
      const updated = orThrow(await api.POST('/api/business-plans/{id}/disbursements', { params: { path: { id: plan.id } }, body }));
      form.set('amountPen', '');
      form.set('reference', '');
      onRecorded(updated);
    },
  });
  const { values, set, errors } = form;
  return (
    <section className="card" aria-labelledby="plan-disburse-title">
      <h3 id="plan-disburse-title">{t('disburse.title')}</h3>
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <TextField label={t('disburse.amount')} required inputMode="decimal" hint={t('disburse.amountHint', { remaining: formatMoney(remaining / 100) })} value={values.amountPen} error={errors.amountPen} onChange={(e) => set('amountPen', e.target.value)} />
        <TextField label={t('disburse.on')} required type="date" value={values.on} error={errors.on} onChange={(e) => set('on', e.target.value)} />
        <TextField label={t('disburse.reference')} required maxLength={100} hint={t('disburse.referenceHint')} value={values.reference} error={errors.reference} onChange={(e) => set('reference', e.target.value)} />
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {t('disburse.record')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** What the network actually put in, in cash and in kind. */
export function ContributionForm({ plan, onRecorded }: RecordFormProps) {
  const { t } = useTranslation('plans');
  const form = useForm({
    schema: contributionSchema,
    initial: { cashPen: '', inKindPen: '', on: today(), description: '' },
    draftKey: `plans.contribution.${plan.id}`,
    onSubmit: async (body) => {
      const updated = orThrow(await api.POST('/api/business-plans/{id}/contributions', { params: { path: { id: plan.id } }, body }));
      form.set('cashPen', '');
      form.set('inKindPen', '');
      form.set('description', '');
      onRecorded(updated);
    },
  });
  const { values, set, errors } = form;
  return (
    <section className="card" aria-labelledby="plan-contribute-title">
      <h3 id="plan-contribute-title">{t('contribute.title')}</h3>
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <TextField label={t('contribute.cash')} inputMode="decimal" value={values.cashPen} error={errors.cashPen} onChange={(e) => set('cashPen', e.target.value)} />
        <TextField label={t('contribute.inKind')} inputMode="decimal" value={values.inKindPen} error={errors.inKindPen} onChange={(e) => set('inKindPen', e.target.value)} />
        <TextField label={t('contribute.on')} required type="date" value={values.on} error={errors.on} onChange={(e) => set('on', e.target.value)} />
        <TextField label={t('contribute.description')} required maxLength={500} value={values.description} error={errors.description} onChange={(e) => set('description', e.target.value)} />
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {t('contribute.record')}
          </button>
        </div>
      </form>
    </section>
  );
}
