import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { useForm } from '../../shared/forms/useForm';
import { useUser } from '../../shared/session/session';
import { TextField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { Alert, QueryView } from '../../shared/ui/States';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { TwoFactorSection } from './TwoFactorSection';

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, 'validation.required'),
    newPassword: z.string().min(10, 'validation.passwordLength').max(128, 'validation.passwordLength'),
    confirmPassword: z.string(),
  })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ['confirmPassword'], message: 'validation.passwordsDiffer' });

/** Who I am, my roles and institution, my language, my password and my two-step verification. */
export default function ProfilePage() {
  const { t } = useTranslation(['profile', 'common']);
  const user = useUser();
  const [changed, setChanged] = useState(false);
  const form = useForm({
    schema: passwordChangeSchema,
    initial: { currentPassword: '', newPassword: '', confirmPassword: '' },
    onSubmit: async ({ currentPassword, newPassword }) => {
      orThrow(await api.POST('/api/account/password', { body: { currentPassword, newPassword } }));
      setChanged(true);
    },
  });

  return (
    <Page title={t('title')}>
      <QueryView query={user}>
        {(me) =>
          me && (
            <section className="card" aria-labelledby="profile-who">
              <h2 id="profile-who">{t('who')}</h2>
              <dl className="details">
                <dt>{t('common:field.fullName')}</dt>
                <dd>{me.name}</dd>
                <dt>{t('common:field.email')}</dt>
                <dd>{me.email}</dd>
                <dt>{t('roles')}</dt>
                <dd>{me.roles.map((role) => t(`common:role.${role}`)).join(', ')}</dd>
                {me.tenant && (
                  <>
                    <dt>{t('institution')}</dt>
                    <dd>{me.tenant.name}</dd>
                  </>
                )}
              </dl>
            </section>
          )
        }
      </QueryView>
      <section className="card" aria-labelledby="profile-language">
        <h2 id="profile-language">{t('common:layout.language')}</h2>
        <p className="hint">{t('languageHint')}</p>
        <LanguageSwitch />
      </section>
      <section className="card" aria-labelledby="profile-password">
        <h2 id="profile-password">{t('passwordTitle')}</h2>
        {changed && <Alert kind="success">{t('passwordChanged')}</Alert>}
        {form.failure && <Alert>{form.failure}</Alert>}
        <form className="stack" onSubmit={form.handleSubmit} noValidate>
          <TextField label={t('currentPassword')} type="password" autoComplete="current-password" required value={form.values.currentPassword} error={form.errors.currentPassword} onChange={(e) => form.set('currentPassword', e.target.value)} />
          <TextField label={t('common:field.newPassword')} type="password" autoComplete="new-password" required hint={t('common:validation.passwordRules')} value={form.values.newPassword} error={form.errors.newPassword} onChange={(e) => form.set('newPassword', e.target.value)} />
          <TextField label={t('common:field.confirmPassword')} type="password" autoComplete="new-password" required value={form.values.confirmPassword} error={form.errors.confirmPassword} onChange={(e) => form.set('confirmPassword', e.target.value)} />
          <div className="actions">
            <button type="submit" className="button" disabled={form.submitting}>
              {t('changePassword')}
            </button>
          </div>
        </form>
      </section>
      <TwoFactorSection />
    </Page>
  );
}
