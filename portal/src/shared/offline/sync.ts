import type { QueryClient } from '@tanstack/react-query';
import { send } from '../api/client';
import { enqueue, getWrite, removeWrite, saveWrite, writesOf, type QueuedWrite, type StoredProblem } from './queue';
import type { FieldWrite, FieldWriteResult } from './fieldWrite';
import { entityTag } from './records';
import { queueChanged } from './keys';

// The sync: this user's queue, in order, one write at a time, through the same session as every other call (cookie,
// X-CSRF via send()). Rules in docs/decisions/0014-portal-offline-first.md.

/** Waits after a network error: 5 s, 10 s, 20 s … up to 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

type Outcome =
  | { kind: 'done'; status: number; body: unknown }
  | { kind: 'retry' } // no answer, 502/503/504, or 429 without Retry-After: the connection or the load, not the write
  | { kind: 'later'; afterMs: number } // 409 "still in progress", 429 or 503 with Retry-After
  | { kind: 'unauthorized' } // 401: the session is over
  | { kind: 'conflict'; status: number; body: unknown; currentVersion?: string } // 412
  | { kind: 'failed'; status: number; body: unknown; problem: StoredProblem };

async function deliver(item: QueuedWrite): Promise<Outcome> {
  const headers = new Headers({ 'Idempotency-Key': item.idempotencyKey });
  if (item.ifMatch) headers.set('If-Match', entityTag(item.ifMatch));
  let body: BodyInit | undefined;
  if (item.file) {
    body = item.file;
    headers.set('Content-Type', item.fileType || item.file.type || 'application/octet-stream');
  } else if (item.body !== undefined) {
    body = JSON.stringify(item.body);
    headers.set('Content-Type', 'application/json');
  }
  let response: Response;
  try {
    response = await send(item.path, { method: item.method, headers, body });
  } catch {
    return { kind: 'retry' };
  }
  const answer = await readBody(response);
  const { status } = response;
  if (response.ok) return { kind: 'done', status, body: answer };
  const retryAfter = response.headers.get('Retry-After');
  // "Come back later" from the server (the key still in progress, a rate limit, an overloaded gateway) is about when,
  // not about the write: it waits as long as the server says.
  const comeBackLater = status === 409 || status === 429 || status === 503;
  if (comeBackLater && retryAfter !== null) return { kind: 'later', afterMs: retryAfterMs(retryAfter) };
  if (status === 429 || status === 502 || status === 503 || status === 504) return { kind: 'retry' };
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 412) {
    const current = problemField(answer, 'currentVersion');
    return { kind: 'conflict', status, body: answer, currentVersion: current };
  }
  return { kind: 'failed', status, body: answer, problem: problemOf(status, answer) };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function retryAfterMs(value: string): number {
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(1, seconds) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 5_000 : Math.max(1_000, date - Date.now());
}

function problemField(body: unknown, field: string): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function problemOf(status: number, body: unknown): StoredProblem {
  const errors = body && typeof body === 'object' ? (body as { errors?: unknown }).errors : undefined;
  return {
    status,
    title: problemField(body, 'title'),
    detail: problemField(body, 'detail'),
    errors: errors && typeof errors === 'object' ? (errors as Record<string, string[]>) : undefined,
  };
}

// ---- the engine's state: whose queue, paused by a 401, running ----

export interface SyncStatus {
  userId: string | null;
  /** A 401 stopped the sync: the user must sign in again (the queue stays). */
  paused: boolean;
  running: boolean;
}

let status: SyncStatus = { userId: null, paused: false, running: false };
let queries: QueryClient | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function setStatus(change: Partial<SyncStatus>): void {
  status = { ...status, ...change };
  listeners.forEach((listener) => listener());
}

export function syncStatus(): SyncStatus {
  return status;
}

export function onSyncStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  if (status.userId) queueChanged(status.userId);
}

/**
 * The queries a sent write may have changed, by the FIRST element of their key: field features key their queries by
 * the API resource (`['producers', …]`, `['networks', id, …]` — a network's members, phases, monitoring and evidence
 * are under it) and my work (`['work', …]`). The same invalidation follows a write sent at once and one synced later,
 * so pages do not invalidate these themselves.
 */
export const touchedBy: Record<QueuedWrite['entity']['kind'], readonly string[]> = {
  producer: ['producers', 'networks', 'work'], // a network's members show producers' names
  network: ['networks', 'work'],
  monitoring: ['networks', 'work'],
  evidence: ['networks'],
};

function invalidateRelated(kinds: Iterable<QueuedWrite['entity']['kind']>): Promise<void> {
  if (!queries) return Promise.resolve();
  const roots = new Set([...kinds].flatMap((kind) => touchedBy[kind]));
  if (roots.size === 0) return Promise.resolve();
  return queries.invalidateQueries({ predicate: (query) => roots.has(String(query.queryKey[0])) });
}

/** One sender at a time, across tabs too (Web Locks where the browser has them). */
let localLock: Promise<unknown> = Promise.resolve();
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks?.request) {
    return navigator.locks.request('redes-offline-sync', work) as Promise<T>;
  }
  const run = localLock.then(work, work);
  localLock = run.catch(() => undefined);
  return run;
}

/** The queue's unit of "one record": later writes to a record wait while an earlier one is failed or in conflict. */
function recordKey(item: QueuedWrite): string {
  if (item.entity.networkId) return `network:${item.entity.networkId}`;
  if (item.entity.id) return `${item.entity.kind === 'network' ? 'network' : item.entity.kind}:${item.entity.id}`;
  return `write:${item.seq}`; // a new record: nothing else refers to it yet
}

type Applied = { result: FieldWriteResult; stop: boolean };

/** Sends one write and records the outcome in the queue. */
async function apply(item: QueuedWrite): Promise<Applied & { outcome: Outcome }> {
  await saveWrite({ ...item, state: 'sending' });
  changed();
  const outcome = await deliver(item);
  const attempts = item.attempts + 1;
  switch (outcome.kind) {
    case 'done':
      await removeWrite(item.seq);
      return { outcome, result: { state: 'sent', status: outcome.status, body: outcome.body }, stop: false };
    case 'retry':
      await saveWrite({ ...item, state: 'pending', attempts, nextAttemptAt: Date.now() + backoffMs(attempts) });
      return { outcome, result: { state: 'queued' }, stop: true };
    case 'later':
      await saveWrite({ ...item, state: 'pending', attempts, nextAttemptAt: Date.now() + outcome.afterMs });
      return { outcome, result: { state: 'queued' }, stop: true };
    case 'unauthorized':
      await saveWrite({ ...item, state: 'pending', attempts });
      setStatus({ paused: true });
      return { outcome, result: { state: 'queued' }, stop: true };
    case 'conflict':
      await saveWrite({
        ...item,
        state: 'conflict',
        attempts,
        nextAttemptAt: undefined,
        conflict: { at: new Date().toISOString(), currentVersion: outcome.currentVersion },
        problem: problemOf(outcome.status, outcome.body),
      });
      return { outcome, result: { state: 'sent', status: outcome.status, body: outcome.body }, stop: false };
    case 'failed':
      await saveWrite({ ...item, state: 'failed', attempts, nextAttemptAt: undefined, problem: outcome.problem });
      return { outcome, result: { state: 'sent', status: outcome.status, body: outcome.body }, stop: false };
  }
}

function online(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

function schedule(items: readonly QueuedWrite[]): void {
  clearTimeout(timer);
  const waiting = items.filter((item) => item.state === 'pending' && item.nextAttemptAt).map((item) => item.nextAttemptAt!);
  if (waiting.length === 0) return;
  const delay = Math.max(1_000, Math.min(...waiting) - Date.now());
  timer = setTimeout(() => void syncNow(), delay);
}

/**
 * Sends this user's waiting writes in order, one at a time. `force` (the connection came back, "Sincronizar ahora")
 * skips the backoff wait and lifts a pause.
 */
export async function syncNow({ force = false }: { force?: boolean } = {}): Promise<void> {
  const userId = status.userId;
  if (!userId || !online()) return;
  if (force) setStatus({ paused: false });
  if (status.paused) return;
  setStatus({ running: true });
  const kinds = new Set<QueuedWrite['entity']['kind']>();
  try {
    await exclusively(async () => {
      const blocked = new Set<string>();
      for (const listed of await writesOf(userId)) {
        if (status.userId !== userId || status.paused) return;
        // Read again: another tab may have sent or changed it meanwhile.
        const item = await getWrite(listed.seq);
        if (!item) continue;
        const key = recordKey(item);
        if (item.state === 'failed' || item.state === 'conflict') {
          blocked.add(key);
          continue;
        }
        if (blocked.has(key)) continue;
        // "sending" here means a send cut off (page closed) before start-up reclaimed it: send it again, the key makes
        // it apply once.
        if (!force && item.nextAttemptAt && item.nextAttemptAt > Date.now()) break;
        const { outcome, stop } = await apply(item);
        changed();
        if (outcome.kind === 'done') kinds.add(item.entity.kind);
        if (outcome.kind === 'conflict' || outcome.kind === 'failed') blocked.add(key);
        if (stop) break;
      }
    });
  } finally {
    setStatus({ running: false });
    changed();
    void invalidateRelated(kinds);
    if (status.userId === userId) schedule(await writesOf(userId));
  }
}

/**
 * A new write: stored first (so a page closed mid-send leaves it in the queue), then sent at once when online and
 * nothing of this user waits before it (the queue's order holds); else it waits and the sync is nudged. Storing and
 * sending happen under the sync's lock, so a sync starting meanwhile never sends it a second time.
 */
export async function submit(userId: string, write: FieldWrite, client: QueryClient): Promise<{ item: QueuedWrite; result: FieldWriteResult }> {
  queries = client; // the page's cache (the same one the layout started the sync with)
  if (status.userId === null) setStatus({ userId });
  const waits = async () => {
    if (!online() || status.paused || status.running || status.userId !== userId) return true;
    return (await writesOf(userId)).some(
      (other) =>
        other.state === 'pending' || other.state === 'sending' || ((other.state === 'failed' || other.state === 'conflict') && blocksWrite(other, write)),
    );
  };
  if (await waits()) {
    const item = await enqueue(userId, write);
    changed();
    queueMicrotask(() => void syncNow());
    return { item, result: { state: 'queued' } };
  }
  return exclusively(async () => {
    const item = await enqueue(userId, write);
    changed();
    const { outcome, result } = await apply(item);
    // Refused while the user is on the form: the page shows the reason there, so the queue does not keep it.
    if (outcome.kind === 'failed') await removeWrite(item.seq);
    if (outcome.kind === 'done') void invalidateRelated([item.entity.kind]);
    changed();
    if (outcome.kind === 'retry' || outcome.kind === 'later') schedule(await writesOf(userId));
    return { item, result };
  });
}

/** A failed or conflicting write holds back new writes to the same record, as in the sync. */
function blocksWrite(failed: QueuedWrite, write: FieldWrite): boolean {
  return recordKey(failed) === recordKey({ ...write, seq: -1 } as QueuedWrite);
}

// ---- the user's decisions on /sincronizacion ----

/** "Mantener mis cambios": sent again over the version the server holds now, with a new key (a new request). */
export async function keepMine(seq: number, theirVersion: string): Promise<void> {
  const item = await getWrite(seq);
  if (!item) return;
  const { conflict: _conflict, problem: _problem, nextAttemptAt: _next, ...rest } = item;
  await saveWrite({ ...rest, ifMatch: theirVersion, idempotencyKey: crypto.randomUUID(), state: 'pending', attempts: 0 });
  changed();
  await syncNow({ force: true });
}

/** "Reintentar" a failed write (after the user fixed what was refused, or the server's state changed). */
export async function retry(seq: number): Promise<void> {
  const item = await getWrite(seq);
  if (!item) return;
  const { problem: _problem, nextAttemptAt: _next, ...rest } = item;
  await saveWrite({ ...rest, state: 'pending', attempts: 0 });
  changed();
  await syncNow({ force: true });
}

/** "Descartar": the write leaves the queue unsent. */
export async function discard(seq: number): Promise<void> {
  await removeWrite(seq);
  changed();
  await syncNow();
}

// ---- start-up ----

function onOnline(): void {
  void syncNow({ force: true });
}

/**
 * A page closed mid-send leaves its write "sending". Every send happens under the sync's lock, so a write found
 * "sending" while holding it has no sender left: it waits again, and a page opened offline says so instead of
 * "enviando" until the connection returns.
 */
async function reclaimCutSends(userId: string): Promise<void> {
  await exclusively(async () => {
    for (const item of await writesOf(userId)) {
      if (item.state === 'sending') await saveWrite({ ...item, state: 'pending' });
    }
  });
  changed();
}

/**
 * Starts the sync for the signed-in user: now (what a closed page left, a cut-off send included), when the
 * connection comes back, and on the backoff timer. Returns the stop function.
 */
export function startSync(userId: string, client: QueryClient): () => void {
  queries = client;
  if (status.userId !== userId) setStatus({ userId, paused: false });
  window.addEventListener('online', onOnline);
  void reclaimCutSends(userId).then(() => syncNow());
  return () => {
    window.removeEventListener('online', onOnline);
    clearTimeout(timer);
    setStatus({ userId: null, running: false });
  };
}
