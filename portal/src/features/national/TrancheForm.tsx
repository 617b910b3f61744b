import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { useForm } from '../../shared/forms/useForm';
import { formatMoney } from '../../shared/format/format';
import { TextField } from '../../shared/ui/Field';
import { Alert } from '../../shared/ui/States';
import type { DisbursementRequest, Review } from './queries';
import { trancheSchema } from './trancheSchema';

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'America/Lima' });

/** Paying a tranche of the approved national funds: approved, disbursed and remaining, and an amount within what remains. */
export function TrancheForm({ review, onPaid }: { review: Review; onPaid: (updated: Review) => void }) {
  const { t } = useTranslation('national');
  const approved = Number(review.programmeFundsPen);
  const disbursed = Number(review.disbursedPen);
  const remaining = Math.round((approved - disbursed) * 100) / 100;
  const pay = useMutation({
    mutationFn: async (body: DisbursementRequest) =>
      orThrow(await api.POST('/api/national/reviews/{id}/disbursements', { params: { path: { id: review.id } }, body })),
  });
  const form = useForm({
    schema: trancheSchema(remaining),
    initial: { amountPen: '', on: today(), reference: '' },
    draftKey: `national.tranche.${review.id}`,
    onSubmit: async (body) => {
      const updated = await pay.mutateAsync(body);
      form.set('amountPen', '');
      form.set('reference', '');
      onPaid(updated);
    },
  });
  const { values, set, errors } = form;

  return (
    <section className="card" aria-labelledby="review-tranche">
      <h2 id="review-tranche">{t('tranche.title')}</h2>
      <dl className="details">
        <dt>{t('tranche.approved')}</dt>
        <dd>{formatMoney(approved)}</dd>
        <dt>{t('tranche.disbursed')}</dt>
        <dd>{formatMoney(disbursed)}</dd>
        <dt>{t('tranche.remaining')}</dt>
        <dd>{formatMoney(remaining)}</dd>
      </dl>
      {remaining <= 0 ? (
        <p>{t('tranche.nothingLeft')}</p>
      ) : (
        <>
          {form.failure && <Alert>{form.failure}</Alert>}
          <form className="stack" onSubmit={form.handleSubmit} noValidate>
            <TextField
              label={t('tranche.amount')}
              required
              inputMode="decimal"
              hint={t('tranche.amountHint', { remaining: formatMoney(remaining) })}
              value={values.amountPen}
              error={errors.amountPen}
              onChange={(e) => set('amountPen', e.target.value)}
            />
            <TextField label={t('tranche.on')} required type="date" value={values.on} error={errors.on} onChange={(e) => set('on', e.target.value)} />
            <TextField
              label={t('tranche.reference')}
              required
              maxLength={100}
              hint={t('tranche.referenceHint')}
              value={values.reference}
              error={errors.reference}
              onChange={(e) => set('reference', e.target.value)}
            />
            <div className="actions">
              <button type="submit" className="button" disabled={form.submitting}>
                {t('tranche.pay')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
