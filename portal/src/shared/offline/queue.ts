import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FieldWrite } from './fieldWrite';

/** pendiente, enviando, error, conflicto. */
export type QueueState = 'pending' | 'sending' | 'failed' | 'conflict';

/** What the server said when it refused a write (shown in the user's language). */
export interface StoredProblem {
  status: number;
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** A field write waiting in IndexedDB: the write, whose it is, its Idempotency-Key and where it stands. */
export interface QueuedWrite extends FieldWrite {
  /** The queue's order (IndexedDB auto-increment key): first queued, first sent. */
  seq: number;
  /** The signed-in user who made it: only they ever see or send it. */
  userId: string;
  /** Kept with the write and sent with every retry, so the server applies it once. */
  idempotencyKey: string;
  queuedAt: string;
  state: QueueState;
  attempts: number;
  /** Not before (epoch ms): the backoff after a network error or the server's Retry-After. */
  nextAttemptAt?: number;
  problem?: StoredProblem;
  /** A 412: the version the server holds now, when it said so. Both versions are kept until the user decides. */
  conflict?: { at: string; currentVersion?: string };
}

interface QueueDb extends DBSchema {
  writes: { key: number; value: QueuedWrite; indexes: { byUser: string } };
}

const dbName = 'redes-offline';
let opening: Promise<IDBPDatabase<QueueDb>> | null = null;

function db(): Promise<IDBPDatabase<QueueDb>> {
  opening ??= openDB<QueueDb>(dbName, 1, {
    upgrade(database) {
      const store = database.createObjectStore('writes', { keyPath: 'seq', autoIncrement: true });
      store.createIndex('byUser', 'userId');
    },
    // Another tab opened a newer version: let it, and reopen on next use.
    blocking() {
      void opening?.then((open) => open.close());
      opening = null;
    },
  });
  return opening;
}

/** Closes the connection (tests reopen it as a restarted browser would). */
export async function closeQueue(): Promise<void> {
  const open = opening;
  opening = null;
  if (open) (await open).close();
}

export async function enqueue(userId: string, write: FieldWrite): Promise<QueuedWrite> {
  const item: Omit<QueuedWrite, 'seq'> = {
    ...write,
    userId,
    idempotencyKey: crypto.randomUUID(),
    queuedAt: new Date().toISOString(),
    state: 'pending',
    attempts: 0,
  };
  const seq = await (await db()).add('writes', item as QueuedWrite);
  return { ...item, seq };
}

/** This user's writes in the order they were made; nobody else's. */
export async function writesOf(userId: string): Promise<QueuedWrite[]> {
  const all = await (await db()).getAllFromIndex('writes', 'byUser', userId);
  return all.sort((a, b) => a.seq - b.seq);
}

export async function getWrite(seq: number): Promise<QueuedWrite | undefined> {
  return (await db()).get('writes', seq);
}

export async function saveWrite(item: QueuedWrite): Promise<void> {
  await (await db()).put('writes', item);
}

export async function removeWrite(seq: number): Promise<void> {
  await (await db()).delete('writes', seq);
}

/** Deletes what other people left on this device (their changes carry personal data of their producers). */
export async function forgetOtherUsers(userId: string): Promise<number> {
  const database = await db();
  const transaction = database.transaction('writes', 'readwrite');
  let removed = 0;
  for (let cursor = await transaction.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.userId !== userId) {
      await cursor.delete();
      removed++;
    }
  }
  await transaction.done;
  return removed;
}

export interface QueueCounts {
  pending: number;
  sending: number;
  failed: number;
  conflict: number;
  total: number;
}

export function countsOf(items: readonly QueuedWrite[]): QueueCounts {
  const counts: QueueCounts = { pending: 0, sending: 0, failed: 0, conflict: 0, total: items.length };
  for (const item of items) counts[item.state]++;
  return counts;
}
