import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useUser } from '../session/session';
import { submit } from './sync';

/** One change made in the field, sent now or kept for later (see docs/decisions/0014-portal-offline-first.md). */
export interface FieldWrite {
  method: 'POST' | 'PUT' | 'DELETE';
  /** '/api/producers/…' (already filled in). */
  path: string;
  /** JSON body, or */
  body?: unknown;
  /** raw file body (evidence), kept as a Blob in IndexedDB. */
  file?: Blob;
  fileType?: string;
  /** The version read with the record (sent as If-Match; a stale one is a conflict for the user to decide). */
  ifMatch?: string;
  /** What the queue shows: an i18n key ("offline:label.x" or another namespace's "ns:key") and its values. */
  label: { key: string; values?: Record<string, string> };
  entity: { kind: 'producer' | 'network' | 'monitoring' | 'evidence'; id?: string; networkId?: string };
}

export type FieldWriteResult =
  | { state: 'sent'; status: number; body: unknown } // online: answered by the server
  | { state: 'queued' }; // offline or network error: waits in the queue

/**
 * Sends now when online (with an Idempotency-Key), otherwise keeps it in IndexedDB for the sync.
 *
 * Every write is stored first (with its key), so a page closed mid-send leaves it in the queue, never lost. Online
 * and with nothing of this user waiting before it, it is sent at once: the server's answer comes back as `sent`
 * (2xx, or a refusal such as 400/422 that the page shows on its form; the write then leaves the queue). A 412 also
 * comes back as `sent`, and the write stays in the queue as a conflict for /sincronizacion. Offline, on a network
 * error, 429, 502/503/504, 409 "in progress" or 401, or behind earlier waiting writes, it is `queued`.
 */
export function useFieldWrite(): (write: FieldWrite) => Promise<FieldWriteResult> {
  const user = useUser();
  const queries = useQueryClient();
  const userId = user.data?.id;
  return useCallback(
    async (write: FieldWrite) => {
      if (!userId) throw new Error('useFieldWrite needs a signed-in user');
      return (await submit(userId, write, queries)).result;
    },
    [userId, queries],
  );
}
