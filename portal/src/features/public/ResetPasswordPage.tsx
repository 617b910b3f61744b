import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { useForm } from '../../shared/forms/useForm';
import { signInUrl } from '../../shared/session/session';
import { TextField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { Alert } from '../../shared/ui/States';
import { NewPasswordForm } from './NewPasswordForm';

const emailSchema = z.object({ email: z.email('validation.email') });

/**
 * Forgotten password: without a link, ask for the e-mail (the answer is the same whether or not an account exists);
 * with the link from the e-mail, choose the new password.
 */
export default function ResetPasswordPage() {
  const { t, i18n } = useTranslation('public');
  const [query] = useSearchParams();
  const userId = query.get('u');
  const token = query.get('t');
  const [done, setDone] = useState(false);

  if (userId && token) {
    return (
      <Page title={t('reset.chooseTitle')}>
        {done ? (
          <Alert kind="success">
            <p>{t('reset.changed')}</p>
            <a className="button" href={signInUrl('/', i18n.language)}>
              {t('landing.signIn')}
            </a>
          </Alert>
        ) : (
          <NewPasswordForm
            submitLabel={t('reset.save')}
            onSubmit={async (password) => {
              orThrow(await api.POST('/api/account/password-reset/confirm', { body: { userId, token, password } }));
              setDone(true);
            }}
          />
        )}
      </Page>
    );
  }
  return <RequestReset />;
}

function RequestReset() {
  const { t } = useTranslation(['public', 'common']);
  const [sent, setSent] = useState(false);
  const form = useForm({
    schema: emailSchema,
    initial: { email: '' },
    onSubmit: async (body) => {
      orThrow(await api.POST('/api/account/password-reset', { body }));
      setSent(true);
    },
  });
  return (
    <Page title={t('reset.title')} lead={t('reset.lead')}>
      {sent && <Alert kind="success">{t('reset.sent')}</Alert>}
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <TextField label={t('common:field.email')} type="email" autoComplete="email" required value={form.values.email} error={form.errors.email} onChange={(event) => form.set('email', event.target.value)} />
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {t('reset.send')}
          </button>
        </div>
      </form>
    </Page>
  );
}
