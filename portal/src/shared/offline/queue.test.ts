import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { QueryClient } from '@tanstack/react-query';
import { json, stubFetch } from '../../test/render';
import { closeQueue, enqueue, getWrite, saveWrite, writesOf } from './queue';
import { submit, syncNow, syncStatus } from './sync';
import type { FieldWrite } from './fieldWrite';
import { adoptUser, forgetOnSignOut } from './personalData';
import { runtimeCaches } from './caches';
import { freshDatabase, setOnline, startFor } from './testing';

const ana = 'user-ana';
const beto = 'user-beto';

const producer = (dni: string): FieldWrite => ({
  method: 'POST',
  path: '/api/producers',
  body: { dni, firstNames: 'Rosa', lastNames: 'Quispe' },
  label: { key: 'label.registerProducer', values: { name: `Rosa ${dni}` } },
  entity: { kind: 'producer' },
});

let stop: (() => void) | undefined;

beforeEach(async () => {
  await freshDatabase();
  setOnline(true);
});

afterEach(() => {
  stop?.();
  stop = undefined;
});

/** Waits until the engine has gone through the queue. */
async function settled() {
  await vi.waitFor(() => expect(syncStatus().running).toBe(false));
  await syncNow();
}

describe('the offline queue', () => {
  test('survives closing the database (the browser) with its order, key and a file kept as a Blob', async () => {
    const photo = new NodeBlob(['jpeg bytes'], { type: 'image/jpeg' }) as unknown as Blob;
    const first = await enqueue(ana, {
      method: 'PUT',
      path: '/api/networks/n1/evidence/e1?fileName=acta.jpg',
      file: photo,
      fileType: 'image/jpeg',
      label: { key: 'label.uploadEvidence', values: { fileName: 'acta.jpg' } },
      entity: { kind: 'evidence', id: 'e1', networkId: 'n1' },
    });
    const second = await enqueue(ana, producer('40000001'));

    await closeQueue();
    const items = await writesOf(ana);

    expect(items.map((item) => item.seq)).toEqual([first.seq, second.seq]);
    expect(items[0]!.idempotencyKey).toBe(first.idempotencyKey);
    expect(items[0]!.file).toBeInstanceOf(NodeBlob);
    expect(await items[0]!.file!.text()).toBe('jpeg bytes');
    expect(items[1]!.state).toBe('pending');
  });

  test('sends in the order the writes were made, one at a time, each with its own Idempotency-Key', async () => {
    setOnline(false);
    for (const dni of ['40000001', '40000002', '40000003']) await enqueue(ana, producer(dni));
    let inFlight = 0;
    let most = 0;
    const calls = stubFetch({
      'POST /api/producers': async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return json({ id: 'p' }, 201);
      },
    });

    setOnline(true);
    stop = startFor(ana);
    await settled();

    const bodies = await Promise.all(calls.map(async (call) => (await call.json()) as { dni: string }));
    expect(bodies.map((body) => body.dni)).toEqual(['40000001', '40000002', '40000003']);
    expect(most).toBe(1);
    const keys = calls.map((call) => call.headers.get('Idempotency-Key'));
    expect(new Set(keys).size).toBe(3);
    expect(calls.every((call) => call.headers.get('X-CSRF') === '1')).toBe(true);
    expect(await writesOf(ana)).toEqual([]);
  });

  test('a network error keeps the write queued, and the retry sends the same key', async () => {
    let answer: 'fail' | 'ok' = 'fail';
    const calls = stubFetch({
      'PUT /api/producers/p1': () => {
        if (answer === 'fail') throw new TypeError('Failed to fetch');
        return json({ id: 'p1', version: '8' });
      },
    });
    stop = startFor(ana);
    await syncNow();
    const { item, result } = await submit(ana, { ...producer('1'), method: 'PUT', path: '/api/producers/p1', ifMatch: '7', entity: { kind: 'producer', id: 'p1' } }, new QueryClient());

    expect(result).toEqual({ state: 'queued' });
    const waiting = await getWrite(item.seq);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect(waiting!.nextAttemptAt).toBeGreaterThan(Date.now());

    answer = 'ok';
    await syncNow({ force: true });

    expect(calls).toHaveLength(2);
    expect(calls[0]!.headers.get('Idempotency-Key')).toBe(item.idempotencyKey);
    expect(calls[1]!.headers.get('Idempotency-Key')).toBe(item.idempotencyKey);
    expect(calls[1]!.headers.get('If-Match')).toBe('"7"');
    expect(await writesOf(ana)).toEqual([]);
  });

  test('502, 503 and 504 keep it queued; a 409 "in progress" waits for its Retry-After', async () => {
    const statuses = [502, 503, 504];
    stubFetch({
      'POST /api/producers': () =>
        statuses.length ? json({ title: 'Bad gateway' }, statuses.shift()) : new Response(null, { status: 409, headers: { 'Retry-After': '30' } }),
    });
    stop = startFor(ana);
    await syncNow();
    const { item, result } = await submit(ana, producer('1'), new QueryClient());
    expect(result).toEqual({ state: 'queued' });
    await syncNow({ force: true });
    await syncNow({ force: true });
    await syncNow({ force: true });

    const waiting = await getWrite(item.seq);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 4 });
    expect(waiting!.nextAttemptAt! - Date.now()).toBeGreaterThan(25_000);
  });

  test('a 429 or a busy 503 waits for its Retry-After and then goes; a 429 without one is retried, not failed', async () => {
    const answers = [
      () => json({ title: 'Too many requests' }, 429, { 'Retry-After': '40' }),
      () => json({ title: 'Service temporarily unavailable' }, 503, { 'Retry-After': '20' }),
      () => json({ title: 'Too many requests' }, 429),
      () => json({ id: 'p9' }, 201),
    ];
    stubFetch({ 'POST /api/producers': () => answers.shift()!() });
    stop = startFor(ana);
    await syncNow();

    const { item, result } = await submit(ana, producer('1'), new QueryClient());
    expect(result).toEqual({ state: 'queued' });
    const afterRateLimit = await getWrite(item.seq);
    expect(afterRateLimit).toMatchObject({ state: 'pending', attempts: 1 });
    expect(afterRateLimit!.nextAttemptAt! - Date.now()).toBeGreaterThan(35_000);

    await syncNow({ force: true });
    const afterBusy = await getWrite(item.seq);
    expect(afterBusy).toMatchObject({ state: 'pending', attempts: 2 });
    expect(afterBusy!.nextAttemptAt! - Date.now()).toBeGreaterThan(15_000);
    expect(afterBusy!.nextAttemptAt! - Date.now()).toBeLessThan(25_000);

    await syncNow({ force: true });
    expect(await getWrite(item.seq)).toMatchObject({ state: 'pending', attempts: 3 });

    await syncNow({ force: true });
    expect(await writesOf(ana)).toEqual([]);
  });

  test('online with nothing waiting, the write is sent at once and its answer returned', async () => {
    const calls = stubFetch({ 'POST /api/producers': () => json({ id: 'p9' }, 201) });
    stop = startFor(ana);
    await syncNow();

    expect((await submit(ana, producer('1'), new QueryClient())).result).toEqual({ state: 'sent', status: 201, body: { id: 'p9' } });
    expect(calls).toHaveLength(1);
    expect(await writesOf(ana)).toEqual([]);
  });

  test('offline, the write waits without any request', async () => {
    const calls = stubFetch({ 'POST /api/producers': () => json({}, 201) });
    setOnline(false);
    stop = startFor(ana);

    expect((await submit(ana, producer('1'), new QueryClient())).result).toEqual({ state: 'queued' });
    expect(calls).toHaveLength(0);
    expect(await writesOf(ana)).toHaveLength(1);
  });

  test('a 401 pauses the sync with the queue kept; "Sincronizar ahora" after signing in resumes it', async () => {
    setOnline(false);
    await enqueue(ana, producer('1'));
    await enqueue(ana, producer('2'));
    let signedIn = false;
    const calls = stubFetch({ 'POST /api/producers': () => (signedIn ? json({ id: 'p' }, 201) : json({ title: 'Unauthorized' }, 401)) });
    setOnline(true);
    stop = startFor(ana);
    await vi.waitFor(() => expect(syncStatus().paused).toBe(true));
    await syncNow();

    expect(calls).toHaveLength(1); // the second was not tried
    expect((await writesOf(ana)).map((item) => item.state)).toEqual(['pending', 'pending']);

    signedIn = true;
    await syncNow({ force: true });
    expect(syncStatus().paused).toBe(false);
    expect(calls).toHaveLength(3);
    expect(await writesOf(ana)).toEqual([]);
  });

  test('other 4xx: failed with the server\'s problem; later writes to other records still go', async () => {
    setOnline(false);
    await enqueue(ana, producer('1'));
    await enqueue(ana, producer('2'));
    stubFetch({
      'POST /api/producers': async (request) => {
        const body = (await request.json()) as { dni: string };
        return body.dni === '1' ? json({ title: 'Invalid', detail: 'The DNI is registered / El DNI ya está registrado' }, 409) : json({}, 201);
      },
    });
    setOnline(true);
    stop = startFor(ana);
    await settled();

    const [left, ...rest] = await writesOf(ana);
    expect(rest).toEqual([]);
    expect(left).toMatchObject({ state: 'failed', problem: { status: 409, detail: 'The DNI is registered / El DNI ya está registrado' } });
  });

  test('a write cut off while "sending" (page closed) is sent again on start-up, with the same key', async () => {
    const item = await enqueue(ana, producer('1'));
    await saveWrite({ ...item, state: 'sending' });
    await closeQueue();
    const calls = stubFetch({ 'POST /api/producers': () => json({ id: 'p' }, 200) });

    stop = startFor(ana);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    await settled();

    expect(calls[0]!.headers.get('Idempotency-Key')).toBe(item.idempotencyKey);
    expect(await writesOf(ana)).toEqual([]);
  });

  test('a write cut off while "sending" waits as pending in a page started offline', async () => {
    const item = await enqueue(ana, producer('1'));
    await saveWrite({ ...item, state: 'sending' });
    await closeQueue();
    setOnline(false);

    stop = startFor(ana);

    await vi.waitFor(async () => expect(await writesOf(ana)).toMatchObject([{ seq: item.seq, state: 'pending', idempotencyKey: item.idempotencyKey }]));
  });

  test('a conflict holds back later writes to the same record only', async () => {
    setOnline(false);
    const edit = (name: string, version: string): FieldWrite => ({
      method: 'PUT',
      path: '/api/producers/p1',
      body: { firstNames: name },
      ifMatch: version,
      label: { key: 'label.editProducer', values: { name } },
      entity: { kind: 'producer', id: 'p1' },
    });
    await enqueue(ana, edit('Rosa', '3'));
    await enqueue(ana, edit('Rosa María', '3'));
    await enqueue(ana, producer('2'));
    const calls = stubFetch({
      'PUT /api/producers/p1': () => json({ title: 'Stale', currentVersion: '5' }, 412),
      'POST /api/producers': () => json({}, 201),
    });
    setOnline(true);
    stop = startFor(ana);
    await settled();

    expect(calls.map((call) => call.method)).toEqual(['PUT', 'POST']);
    expect((await writesOf(ana)).map((item) => [item.state, item.conflict?.currentVersion])).toEqual([
      ['conflict', '5'],
      ['pending', undefined],
    ]);
  });
});

describe('one person\'s data on a shared device', () => {
  test('each user sees and sends only their own writes', async () => {
    setOnline(false);
    await enqueue(ana, producer('1'));
    await enqueue(beto, producer('2'));
    const calls = stubFetch({ 'POST /api/producers': () => json({}, 201) });

    expect((await writesOf(beto)).map((item) => item.userId)).toEqual([beto]);
    setOnline(true);
    stop = startFor(beto);
    await settled();

    expect(calls).toHaveLength(1);
    expect(((await calls[0]!.json()) as { dni: string }).dni).toBe('2');
    expect(await writesOf(ana)).toHaveLength(1);
  });

  test('another person signing in removes what the last one left, queue and cached answers alike', async () => {
    const deleted: string[] = [];
    vi.stubGlobal('caches', { delete: async (name: string) => deleted.push(name) > 0 });
    await adoptUser(ana);
    await enqueue(ana, producer('1'));
    deleted.length = 0;

    await adoptUser(ana); // the same person again: nothing to forget
    expect(deleted).toEqual([]);
    expect(await writesOf(ana)).toHaveLength(1);

    await adoptUser(beto);
    expect(deleted.sort()).toEqual([...runtimeCaches].sort());
    expect(await writesOf(ana)).toEqual([]);
  });

  test('signing out clears the cached answers and keeps only the leaving user\'s unsent writes', async () => {
    const deleted: string[] = [];
    vi.stubGlobal('caches', { delete: async (name: string) => deleted.push(name) > 0 });
    await enqueue(ana, producer('1'));
    await enqueue(beto, producer('2'));

    await forgetOnSignOut(beto);

    expect(deleted.sort()).toEqual([...runtimeCaches].sort());
    expect(await writesOf(ana)).toEqual([]);
    expect(await writesOf(beto)).toHaveLength(1);
  });
});
