import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { orThrow } from '../../../shared/api/problem';
import { formatDateTime } from '../../../shared/format/format';
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog';
import { Alert, useErrorMessage } from '../../../shared/ui/States';
import { adminKeys, type StaffDetails } from '../api';
import { useSavedPerson } from './useSaveStaff';

/** An invitation not yet accepted can be sent again (a new 48-hour link). */
export function InvitationNotice({ person }: { person: StaffDetails }) {
  const { t } = useTranslation('admin');
  const queries = useQueryClient();
  const message = useErrorMessage();
  const resend = useMutation({
    mutationFn: async () => orThrow(await api.POST('/api/staff/{id}/invitation', { params: { path: { id: person.id } } })),
    onSettled: () => queries.invalidateQueries({ queryKey: adminKeys.staff }),
  });

  return (
    <section className="card" aria-labelledby="person-invitation">
      <h2 id="person-invitation">{t('invitation.title')}</h2>
      <p>{t('invitation.pending', { email: person.email })}</p>
      {resend.isSuccess && <Alert kind="success">{t('invitation.resent', { email: person.email })}</Alert>}
      {resend.isError && <Alert>{message(resend.error)}</Alert>}
      <button type="button" className="button secondary" disabled={resend.isPending} onClick={() => resend.mutate()}>
        {t('invitation.resend')}
      </button>
    </section>
  );
}

/** Deactivating keeps the person's history but closes their access; it can be undone. */
export function StatusSection({ person }: { person: StaffDetails }) {
  const { t, i18n } = useTranslation('admin');
  const saved = useSavedPerson();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string>();
  const deactivating = person.isActive;

  async function change() {
    const id = person.id;
    const result = deactivating
      ? await api.POST('/api/staff/{id}/deactivate', { params: { path: { id } } })
      : await api.POST('/api/staff/{id}/reactivate', { params: { path: { id } } });
    await saved(orThrow(result));
    setDone(deactivating ? t('status.deactivated') : t('status.reactivated'));
  }

  return (
    <section className="card" aria-labelledby="person-status">
      <h2 id="person-status">{t('status.title')}</h2>
      {done && <Alert kind="success">{done}</Alert>}
      <p>
        {person.isActive
          ? t('status.active')
          : person.deactivatedAt
            ? t('status.inactiveSince', { date: formatDateTime(person.deactivatedAt, i18n.language) })
            : t('status.inactive')}
      </p>
      <button type="button" className={deactivating ? 'button danger' : 'button'} onClick={() => { setDone(undefined); setConfirming(true); }}>
        {deactivating ? t('status.deactivate') : t('status.reactivate')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={deactivating ? t('status.deactivateTitle', { name: person.fullName }) : t('status.reactivateTitle', { name: person.fullName })}
          confirmLabel={deactivating ? t('status.deactivate') : t('status.reactivate')}
          danger={deactivating}
          onConfirm={change}
          onClose={() => setConfirming(false)}
        >
          <p>{deactivating ? t('status.deactivateText') : t('status.reactivateText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
