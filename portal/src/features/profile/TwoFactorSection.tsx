import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, type TenantsSchemas } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { useForm } from '../../shared/forms/useForm';
import { TextField } from '../../shared/ui/Field';
import { Alert, QueryView, useErrorMessage } from '../../shared/ui/States';
import './profile.css';

type TwoFactorStatus = TenantsSchemas['schemas']['TwoFactorStatus'];
type AuthenticatorSetup = TenantsSchemas['schemas']['AuthenticatorSetup'];

const statusKey = ['account', 'two-factor'] as const;

export const codeSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'validation.otpCode') });

/** The password, or a current code from the authenticator (passwords are at least 10 characters, codes 6 digits). */
export const confirmationSchema = z.object({ confirmation: z.string().min(1, 'validation.required') });
const asConfirmation = (typed: string) => (/^\d{6}$/.test(typed.trim()) ? { code: typed.trim(), password: null } : { password: typed, code: null });

/**
 * Two-step verification on my profile: offered to the national unit and institution administrators, required by
 * some institutions. Enrolment shows the key as a QR code and as text, confirms it with a code, and shows the
 * recovery codes once.
 */
export function TwoFactorSection() {
  const { t } = useTranslation(['profile', 'common']);
  const status = useQuery({ queryKey: statusKey, queryFn: async () => orThrow(await api.GET('/api/account/two-factor')) });
  const [codes, setCodes] = useState<string[]>();

  return (
    <section className="card" aria-labelledby="profile-two-factor">
      <h2 id="profile-two-factor">{t('twoFactor.title')}</h2>
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(undefined)} />
      ) : (
        <QueryView query={status}>
          {(current) => (current.enabled ? <Enabled status={current} onCodes={setCodes} /> : <Enrolment status={current} onCodes={setCodes} />)}
        </QueryView>
      )}
    </section>
  );
}

function Enrolment({ status, onCodes }: { status: TwoFactorStatus; onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation(['profile', 'common']);
  const queries = useQueryClient();
  const message = useErrorMessage();
  const [setup, setSetup] = useState<AuthenticatorSetup>();
  const [failure, setFailure] = useState<string>();
  const form = useForm({
    schema: codeSchema,
    initial: { code: '' },
    onSubmit: async ({ code }) => {
      const { codes } = orThrow(await api.POST('/api/account/two-factor/enable', { body: { code } }));
      await queries.invalidateQueries({ queryKey: statusKey });
      onCodes(codes);
    },
  });

  if (!status.mayEnrol) return <p className="hint">{t('twoFactor.notOffered')}</p>;
  if (!setup)
    return (
      <>
        <p>{status.required ? t('twoFactor.required') : t('twoFactor.offer')}</p>
        {failure && <Alert>{failure}</Alert>}
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={async () => {
              try {
                setSetup(orThrow(await api.POST('/api/account/two-factor/authenticator')));
              } catch (error) {
                setFailure(message(error));
              }
            }}
          >
            {t('twoFactor.start')}
          </button>
        </div>
      </>
    );
  return (
    <>
      <ol className="stack">
        <li>{t('twoFactor.scan')}</li>
        <li>
          <img className="two-factor-qr" src={setup.qrCode} alt={t('twoFactor.qrAlt')} width={192} height={192} />
          <p>
            {t('twoFactor.key')} <code className="two-factor-key">{setup.sharedKey}</code>
          </p>
        </li>
        <li>{t('twoFactor.typeCode')}</li>
      </ol>
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <TextField label={t('twoFactor.code')} inputMode="numeric" autoComplete="one-time-code" required value={form.values.code} error={form.errors.code} onChange={(e) => form.set('code', e.target.value)} />
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {t('twoFactor.confirm')}
          </button>
          <button type="button" className="button secondary" onClick={() => setSetup(undefined)}>
            {t('common:action.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}

function Enabled({ status, onCodes }: { status: TwoFactorStatus; onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation(['profile', 'common']);
  const queries = useQueryClient();
  // Which of the form's two buttons submitted it: read at submit time, so a ref rather than state.
  const action = useRef<'recovery-codes' | 'disable'>('recovery-codes');
  const form = useForm({
    schema: confirmationSchema,
    initial: { confirmation: '' },
    onSubmit: async ({ confirmation }) => {
      const body = asConfirmation(confirmation);
      const answer = action.current === 'disable'
        ? await api.POST('/api/account/two-factor/disable', { body })
        : await api.POST('/api/account/two-factor/recovery-codes', { body });
      const { codes } = orThrow(answer);
      await queries.invalidateQueries({ queryKey: statusKey });
      if (action.current === 'recovery-codes') onCodes(codes);
    },
  });

  return (
    <>
      <Alert kind="info">{t('twoFactor.on', { count: status.recoveryCodesLeft })}</Alert>
      {status.required && <p className="hint">{t('twoFactor.requiredOn')}</p>}
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <TextField label={t('twoFactor.confirmation')} hint={t('twoFactor.confirmationHint')} type="password" autoComplete="current-password" required value={form.values.confirmation} error={form.errors.confirmation} onChange={(e) => form.set('confirmation', e.target.value)} />
        <div className="actions">
          <button type="submit" className="button secondary" disabled={form.submitting} onClick={() => (action.current = 'recovery-codes')}>
            {t('twoFactor.regenerate')}
          </button>
          {!status.required && (
            <button type="submit" className="button danger" disabled={form.submitting} onClick={() => (action.current = 'disable')}>
              {t('twoFactor.disable')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}

/** Shown once: copy them, or download them as a text file. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation(['profile', 'common']);
  const [copied, setCopied] = useState(false);
  const text = codes.join('\n') + '\n';
  return (
    <>
      <Alert kind="success">{t('twoFactor.codesLead')}</Alert>
      <ul className="two-factor-codes" aria-label={t('twoFactor.codesTitle')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      {copied && <Alert kind="success">{t('twoFactor.copied')}</Alert>}
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(text);
            setCopied(true);
          }}
        >
          {t('twoFactor.copy')}
        </button>
        <a className="button secondary" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download={t('twoFactor.fileName')}>
          {t('twoFactor.download')}
        </a>
        <button type="button" className="button" onClick={onDone}>
          {t('twoFactor.saved')}
        </button>
      </div>
    </>
  );
}
