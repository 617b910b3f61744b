import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatDateTime } from '../../shared/format/format';
import { useForm } from '../../shared/forms/useForm';
import { TextField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { QueryView } from '../../shared/ui/States';

const lookupSchema = z.object({
  id: z.uuid('public:status.badNumber'),
  ruc: z.string().regex(/^\d{11}$/, 'public:apply.ruc.length'),
});

/** An applicant looks up their application by its number and the institution's RUC (both are needed, so no one else can). */
export default function ApplicationStatusPage() {
  const { t, i18n } = useTranslation(['public', 'common']);
  const [query, setQuery] = useSearchParams();
  const id = query.get('id') ?? '';
  const ruc = query.get('ruc') ?? '';
  const form = useForm({
    schema: lookupSchema,
    initial: { id, ruc },
    onSubmit: async (values) => setQuery(values),
  });
  const status = useQuery({
    queryKey: ['application-status', id, ruc],
    enabled: lookupSchema.safeParse({ id, ruc }).success,
    queryFn: async () => orThrow(await api.GET('/api/onboarding/applications/{id}/status', { params: { path: { id }, query: { ruc } } })),
  });

  return (
    <Page title={t('status.title')} lead={t('status.lead')}>
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <TextField label={t('apply.number')} required value={form.values.id} error={form.errors.id} onChange={(event) => form.set('id', event.target.value.trim())} />
        <TextField label="RUC" required inputMode="numeric" maxLength={11} value={form.values.ruc} error={form.errors.ruc} onChange={(event) => form.set('ruc', event.target.value.replace(/\D/g, ''))} />
        <div className="actions">
          <button type="submit" className="button">
            {t('status.lookUp')}
          </button>
        </div>
      </form>
      {status.fetchStatus !== 'idle' || status.data || status.isError ? (
        <section aria-live="polite" className="card" aria-labelledby="status-result">
          <h2 id="status-result">{t('status.result')}</h2>
          <QueryView query={status}>
            {(application) => (
              <dl className="details">
                <dt>{t('apply.institutionName')}</dt>
                <dd>{application.institutionName}</dd>
                <dt>{t('common:field.status')}</dt>
                <dd>{t(`common:applicationStatus.${application.status}`)}</dd>
                <dt>{t('status.submitted')}</dt>
                <dd>{formatDateTime(application.submittedAt, i18n.language)}</dd>
                {application.decidedAt && (
                  <>
                    <dt>{t('status.decided')}</dt>
                    <dd>{formatDateTime(application.decidedAt, i18n.language)}</dd>
                  </>
                )}
                {application.decisionReason && (
                  <>
                    <dt>{t('common:field.reason')}</dt>
                    <dd>{application.decisionReason}</dd>
                  </>
                )}
              </dl>
            )}
          </QueryView>
        </section>
      ) : null}
    </Page>
  );
}
