import { useTranslation } from 'react-i18next';
import { useForm } from '../../shared/forms/useForm';
import { TextField } from '../../shared/ui/Field';
import { Alert } from '../../shared/ui/States';
import { newPasswordSchema } from './passwordSchema';

interface NewPasswordFormProps {
  submitLabel: string;
  onSubmit: (password: string) => Promise<void>;
}

/** Choose a password (accepting an invitation or resetting one): typed twice, the server's rules shown as it states them. */
export function NewPasswordForm({ submitLabel, onSubmit }: NewPasswordFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    schema: newPasswordSchema,
    initial: { password: '', confirmPassword: '' },
    onSubmit: ({ password }) => onSubmit(password),
  });
  return (
    <>
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <TextField
          label={t('field.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('validation.passwordRules')}
          value={form.values.password}
          error={form.errors.password}
          onChange={(event) => form.set('password', event.target.value)}
        />
        <TextField
          label={t('field.confirmPassword')}
          type="password"
          autoComplete="new-password"
          required
          value={form.values.confirmPassword}
          error={form.errors.confirmPassword}
          onChange={(event) => form.set('confirmPassword', event.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {submitLabel}
          </button>
        </div>
      </form>
    </>
  );
}
