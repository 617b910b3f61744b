import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/ui/Page';
import { Alert, ErrorState, Loading } from '../../shared/ui/States';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { signInUrl, useUser } from '../../shared/session/session';
import { useOnline, useQueue } from '../../shared/offline/useOffline';
import { countsOf, type QueuedWrite } from '../../shared/offline/queue';
import { discard, onSyncStatus, retry, syncNow, syncStatus } from '../../shared/offline/sync';
import { formatDateTime } from '../../shared/format/format';
import { ConflictView } from './ConflictView';
import { problemText, useWriteLabel } from './texts';

/** /sincronizacion: this user's offline queue in order, its counts, "Sincronizar ahora", and each write's decisions. */
export default function SyncPage() {
  const { t, i18n } = useTranslation('offline');
  const user = useUser();
  const queue = useQueue(user.data?.id);
  const online = useOnline();
  const status = useSyncExternalStore(onSyncStatus, syncStatus);
  const [discarding, setDiscarding] = useState<QueuedWrite>();
  const label = useWriteLabel();

  const items = queue.data ?? [];
  const counts = countsOf(items);

  return (
    <Page
      title={t('page.title')}
      lead={t('page.lead')}
      actions={
        <button type="button" className="button" disabled={status.running} onClick={() => void syncNow({ force: true })}>
          {t('page.syncNow')}
        </button>
      }
    >
      <div role="status" aria-live="polite">
        {status.running && <p>{t('page.syncing')}</p>}
      </div>
      {!online && items.length > 0 && <Alert kind="info">{t('page.offline')}</Alert>}
      {status.paused && (
        <Alert kind="info">
          <p>{t('page.paused')}</p>
          <a className="button" href={signInUrl('/sincronizacion', i18n.language)}>
            {t('page.signInAgain')}
          </a>
        </Alert>
      )}
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t('page.empty')}</p>
      ) : (
        <>
          <ul className="queue-counts">
            <li>{t('page.counts.pending', { count: counts.pending })}</li>
            {counts.sending > 0 && <li>{t('page.counts.sending', { count: counts.sending })}</li>}
            <li>{t('page.counts.failed', { count: counts.failed })}</li>
            <li>{t('page.counts.conflict', { count: counts.conflict })}</li>
          </ul>
          <section aria-labelledby="queue-heading">
            <h2 id="queue-heading" className="visually-hidden">
              {t('page.queue')}
            </h2>
            <ol className="queue-list" aria-labelledby="queue-heading">
              {items.map((item) => (
                <li key={item.seq} className={`queue-item state-${item.state}`}>
                  <h3>{label(item)}</h3>
                  <p className="queue-meta">
                    <span>
                      {t('state.label')}: <span className="queue-state">{t(`state.${item.state}`)}</span>
                    </span>
                    <span>{t('item.queuedAt', { when: formatDateTime(item.queuedAt, i18n.language) })}</span>
                    {item.attempts > 0 && <span>{t('item.attempts', { count: item.attempts })}</span>}
                    {item.state === 'pending' && item.nextAttemptAt && item.nextAttemptAt > Date.now() && (
                      <span>{t('item.nextAttempt', { when: formatDateTime(new Date(item.nextAttemptAt), i18n.language) })}</span>
                    )}
                  </p>
                  {item.state === 'failed' && item.problem && (
                    <Alert>{t('item.refused', { reason: problemText(item.problem, i18n.language, t) })}</Alert>
                  )}
                  {item.state === 'conflict' ? (
                    <ConflictView item={item} onDiscard={() => setDiscarding(item)} />
                  ) : (
                    <div className="queue-actions">
                      {item.state !== 'sending' && (
                        <button type="button" className="button secondary small" onClick={() => void retry(item.seq)}>
                          {t('item.retry')}
                        </button>
                      )}
                      <button type="button" className="button secondary small" onClick={() => setDiscarding(item)}>
                        {t('item.discard')}
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
      {discarding && (
        <ConfirmDialog
          title={t('item.discardTitle')}
          confirmLabel={t('item.discardConfirm')}
          danger
          onConfirm={() => discard(discarding.seq)}
          onClose={() => setDiscarding(undefined)}
        >
          <p>{t('item.discardBody', { label: label(discarding) })}</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
