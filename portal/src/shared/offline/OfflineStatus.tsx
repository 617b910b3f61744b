import { useEffect } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasRole, useUser, userQueryKey } from '../session/session';
import { useOnline, useQueue } from './useOffline';
import './offline.css';

/** Who has field work, and so the queue and its page. */
export const queueRoles = ['Specialist', 'Supervisor', 'TenantAdmin'] as const;

/**
 * For the signed-in user: forgets another person's data left on the device, then starts the sync (what a closed page
 * left, the connection coming back, the backoff timer); registers the service worker once the page is loaded and idle. The
 * queue code loads only here, after the first page (no IndexedDB library in the first bundle).
 */
export function OfflineSession() {
  const user = useUser();
  const queries = useQueryClient();
  const userId = user.data?.id;

  useEffect(() => {
    if (!userId) return;
    void import('./register').then(({ registerServiceWorker }) =>
      registerServiceWorker({
        busy: () => queries.isFetching() + queries.isMutating() > 0,
        onFirstControl: () => void queries.refetchQueries({ type: 'active' }),
      }),
    );
    let stop: (() => void) | undefined;
    let cancelled = false;
    void (async () => {
      const { adoptUser } = await import('./personalData');
      // Someone else's data was cleared, this user's first answers with it: read them again into the caches.
      if ((await adoptUser(userId)) && !cancelled) void queries.refetchQueries({ queryKey: userQueryKey });
      const { startSync } = await import('./sync');
      if (!cancelled) stop = startSync(userId, queries);
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [userId, queries]);

  return null;
}

/** "Sin conexión: los cambios se guardan en este dispositivo", while the browser is offline. */
export function OfflineBanner() {
  const { t } = useTranslation('offline');
  const online = useOnline();
  return (
    <div className="offline-banner-region" role="status">
      {!online && <p className="offline-banner">{t('banner')}</p>}
    </div>
  );
}

/** The header's link to /sincronizacion with the count of waiting changes, announced politely when it changes. */
export function QueueIndicator() {
  const { t } = useTranslation('offline');
  const user = useUser();
  const show = hasRole(user.data, ...queueRoles);
  const queue = useQueue(show ? user.data?.id : undefined);
  if (!show) return null;
  const items = queue.data ?? [];
  const problems = items.filter((item) => item.state === 'failed' || item.state === 'conflict').length;
  return (
    <span className="queue-indicator" role="status">
      <Link to="/sincronizacion" className={problems ? 'queue-link attention' : 'queue-link'}>
        {t('indicator.pending', { count: items.length })}
        {problems > 0 && <> · {t('indicator.toReview', { count: problems })}</>}
      </Link>
    </span>
  );
}
