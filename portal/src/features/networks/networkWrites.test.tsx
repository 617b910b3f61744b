import { Blob as NodeBlob } from 'node:buffer';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { json, stubFetch } from '../../test/render';
import { useUser } from '../../shared/session/session';
import { writesOf } from '../../shared/offline/queue';
import { freshDatabase, setOnline, startFor } from '../../shared/offline/testing';
import { isStale, queued, useNetworkWrites, type EvidenceUpload } from './networkWrites';
import { networkId, network, phaseChange, record, specialistId, userWith } from './testData';

// Node's Blob: the one fetch and IndexedDB (fake-indexeddb) both read in these tests, as a browser's File would be.
const upload = (id: string, fileName: string, contentType: EvidenceUpload['contentType']): EvidenceUpload => ({
  id, fileName, contentType, file: new NodeBlob([fileName], { type: contentType }) as unknown as Blob,
});
const advance = { toPhase: 'PilotBusinessPlan', on: '2026-12-01', evidence: 'Acta', documentUrl: null, reason: null } as const;

let stop: (() => void) | undefined;
beforeEach(async () => {
  await freshDatabase();
  setOnline(true);
  stop = startFor(specialistId);
});
afterEach(() => {
  stop?.();
  setOnline(true);
});

/** The writes as a page holds them, for the signed-in specialist (known before the first write). */
async function writes(routes: Parameters<typeof stubFetch>[0]) {
  const calls = stubFetch({ 'GET /bff/user': () => json(userWith(['Specialist'])), ...routes });
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queries}>{children}</QueryClientProvider>;
  const hook = renderHook(() => ({ user: useUser(), writes: useNetworkWrites() }), { wrapper });
  await waitFor(() => expect(hook.result.current.user.data).toBeDefined());
  return { calls: { get all() { return calls.filter((c) => c.method !== 'GET'); } }, current: () => hook.result.current.writes };
}

describe('the writes that must work offline', () => {
  it('advancing a phase uploads each file in the order chosen, then names them in the change, each with its own key', async () => {
    const order: string[] = [];
    const { calls: sent, current } = await writes({
      [`PUT /api/networks/${networkId}/evidence/a1`]: (request) => { order.push(`PUT a1 ${request.headers.get('Content-Type')} ${new URL(request.url).searchParams.get('fileName')}`); return json({}, 201); },
      [`PUT /api/networks/${networkId}/evidence/b2`]: (request) => { order.push(`PUT b2 ${request.headers.get('Content-Type')}`); return json({}, 201); },
      [`POST /api/networks/${networkId}/phase`]: () => { order.push('POST phase'); return json(phaseChange()); },
    });
    const answer = await current().advancePhase(network(), advance, [upload('a1', 'acta.jpg', 'image/jpeg'), upload('b2', 'lista.pdf', 'application/pdf')]);
    expect(answer).toEqual(phaseChange());
    expect(order).toEqual(['PUT a1 image/jpeg acta.jpg', 'PUT b2 application/pdf', 'POST phase']);
    expect(await sent.all[0]!.text()).toBe('acta.jpg');
    expect(sent.all[0]!.headers.get('X-CSRF')).toBe('1');
    expect(new Set(sent.all.map((c) => c.headers.get('Idempotency-Key'))).size).toBe(3);
    expect(await sent.all[2]!.json()).toEqual({ ...advance, evidenceIds: ['a1', 'b2'] });
    expect(await writesOf(specialistId)).toEqual([]);
  });

  it('a refused upload stops the advance: the change is not sent', async () => {
    const { calls: sent, current } = await writes({
      [`PUT /api/networks/${networkId}/evidence/a1`]: () => json({ title: 'Too large', detail: 'Too large / Muy grande' }, 413),
      [`POST /api/networks/${networkId}/phase`]: () => json(phaseChange()),
    });
    await expect(current().advancePhase(network(), advance, [upload('a1', 'x.jpg', 'image/jpeg')])).rejects.toMatchObject({ problem: { status: 413 } });
    expect(sent.all.map((c) => c.method)).toEqual(['PUT']);
  });

  it('offline, the files are queued before the advance that names them, and sent first when the connection returns', async () => {
    const order: string[] = [];
    setOnline(false);
    const { current } = await writes({
      [`PUT /api/networks/${networkId}/evidence/a1`]: async (request) => { order.push(`PUT a1 ${await request.text()}`); return json({}, 201); },
      [`POST /api/networks/${networkId}/phase`]: async (request) => { order.push(`POST phase ${JSON.stringify((await request.json()).evidenceIds)}`); return json(phaseChange()); },
    });
    expect(await current().advancePhase(network(), advance, [upload('a1', 'acta.jpg', 'image/jpeg')])).toBe(queued);
    const waiting = await writesOf(specialistId);
    expect(waiting.map((item) => [item.method, item.path, item.fileType ?? null, item.label.key, item.entity])).toEqual([
      ['PUT', `/api/networks/${networkId}/evidence/a1?fileName=acta.jpg`, 'image/jpeg', 'offline:label.uploadEvidence', { kind: 'evidence', id: 'a1', networkId }],
      ['POST', `/api/networks/${networkId}/phase`, null, 'offline:label.advancePhase', { kind: 'network', id: networkId }],
    ]);
    expect(waiting[1]!.label.values).toEqual({ network: 'Red Cuyes de Chota' });
    expect(order).toEqual([]);

    setOnline(true);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(order).toEqual(['PUT a1 acta.jpg', 'POST phase ["a1"]']));
  });

  it('a correction sends If-Match with the version read, and keeps the earlier files', async () => {
    const { calls: sent, current } = await writes({
      [`PUT /api/networks/${networkId}/evidence/n1`]: () => json({}, 201),
      [`PUT /api/networks/${networkId}/monitoring/2026-11-01`]: () => json(record('2026-11-01')),
    });
    const { version: _v, createdAt: _c, updatedAt: _u, evidence: _e, ...body } = record('2026-11-01');
    await current().correctMonitoring(network(), '2026-11-01', 'v3', { ...body, evidenceIds: ['old'] }, [upload('n1', 'foto.jpg', 'image/jpeg')]);
    expect(sent.all[1]!.headers.get('If-Match')).toBe('"v3"');
    expect((await sent.all[1]!.json()).evidenceIds).toEqual(['old', 'n1']);
  });

  it('an edit of the network sends If-Match; a 412 is recognised as stale and waits in the queue as a conflict', async () => {
    const { calls: sent, current } = await writes({ [`PUT /api/networks/${networkId}`]: () => json({ title: 'Precondition failed', currentVersion: '8' }, 412) });
    const error = await current().updateNetwork(network(), network().version, { name: 'Red', legalForm: 'Informal', ruc: null }).catch((e: unknown) => e);
    expect(sent.all[0]!.headers.get('If-Match')).toBe('"7"');
    expect(isStale(error)).toBe(true);
    expect((await writesOf(specialistId)).map((item) => [item.state, item.label])).toEqual([
      ['conflict', { key: 'offline:label.editNetwork', values: { network: 'Red Cuyes de Chota' } }],
    ]);
  });
});
