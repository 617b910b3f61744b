import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { signInUrl } from '../../shared/session/session';
import { Page } from '../../shared/ui/Page';
import { Alert } from '../../shared/ui/States';
import { NewPasswordForm } from './NewPasswordForm';

/** The link in an invitation e-mail: the invited person chooses their password, then signs in. */
export default function AcceptInvitationPage() {
  const { t, i18n } = useTranslation('public');
  const [query] = useSearchParams();
  const userId = query.get('u');
  const token = query.get('t');
  const [accepted, setAccepted] = useState(false);

  if (!userId || !token) {
    return (
      <Page title={t('invitation.title')}>
        <Alert>{t('invitation.brokenLink')}</Alert>
      </Page>
    );
  }

  return (
    <Page title={t('invitation.title')} lead={accepted ? undefined : t('invitation.lead')}>
      {accepted ? (
        <Alert kind="success">
          <p>{t('invitation.done')}</p>
          <a className="button" href={signInUrl('/', i18n.language)}>
            {t('landing.signIn')}
          </a>
        </Alert>
      ) : (
        <NewPasswordForm
          submitLabel={t('invitation.submit')}
          onSubmit={async (password) => {
            orThrow(await api.POST('/api/account/invitation/accept', { body: { userId, token, password } }));
            setAccepted(true);
          }}
        />
      )}
    </Page>
  );
}
