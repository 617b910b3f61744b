import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUser } from '../session/session';
import { Alert } from '../ui/States';
import type { QueuedWrite } from './queue';
import { useQueue } from './useOffline';
import { discard } from './sync';

/** This user's queued writes that match (a record's edits, a network's changes), in the queue's order. */
export function usePendingWrites(match: (item: QueuedWrite) => boolean): QueuedWrite[] {
  const user = useUser();
  const queue = useQueue(user.data?.id);
  return (queue.data ?? []).filter(match);
}

/**
 * After a 412 the user starts again from the record read fresh (their form, or their typed values, over the new
 * version): the refused write waiting as a conflict for that record is dropped, or it would hold back the new one.
 */
export function useDropConflicts(): (path: string) => Promise<void> {
  const user = useUser();
  const queue = useQueue(user.data?.id);
  return async (path) => {
    for (const item of queue.data ?? []) if (item.state === 'conflict' && item.path === path) await discard(item.seq);
  };
}

/** "Guardado en este dispositivo…" after a write was queued, with the way to the queue. */
export function QueuedNotice({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('offline');
  return (
    <Alert kind="info">
      <p>{t('result.queued')}</p>
      {children}
      <p>
        <Link to="/sincronizacion">{t('result.seeQueue')}</Link>
      </p>
    </Alert>
  );
}

/** "Otra persona cambió este registro…": the link to the queue, where the refused write waits as a conflict. */
export function ConflictLink() {
  const { t } = useTranslation('offline');
  return (
    <p>
      {t('result.conflictWaits')} <Link to="/sincronizacion">{t('result.seeQueue')}</Link>
    </p>
  );
}

/** The changes of one record that wait on this device, each with its label and state ("pendiente", "conflicto"…). */
export function PendingWrites({ items, title }: { items: readonly QueuedWrite[]; title?: string }) {
  const { t } = useTranslation('offline');
  if (items.length === 0) return null;
  return (
    <div className="alert alert-info" role="region" aria-label={title ?? t('pending.title')}>
      <p>
        <strong>{title ?? t('pending.title')}</strong>
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.seq}>
            {t(item.label.key, { ...item.label.values, defaultValue: t('label.write') })} — {t(`state.${item.state}`)}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/sincronizacion">{t('result.seeQueue')}</Link>
      </p>
    </div>
  );
}
