import { json, stubFetch } from '../../test/render';
import { advancePhase, correctMonitoring, isStale, updateNetwork, type EvidenceUpload } from './networkWrites';
import { networkId, network, phaseChange, record } from './testData';

const upload = (id: string, fileName: string, contentType: EvidenceUpload['contentType']): EvidenceUpload => ({
  id, fileName, contentType, file: new Blob([fileName], { type: contentType }),
});

describe('the writes that must work offline', () => {
  it('advancing a phase uploads each file in the order chosen, then names them in the change', async () => {
    const order: string[] = [];
    const calls = stubFetch({
      [`PUT /api/networks/${networkId}/evidence/a1`]: (request) => { order.push(`PUT a1 ${request.headers.get('Content-Type')} ${new URL(request.url).searchParams.get('fileName')}`); return json({}, 201); },
      [`PUT /api/networks/${networkId}/evidence/b2`]: (request) => { order.push(`PUT b2 ${request.headers.get('Content-Type')}`); return json({}, 201); },
      [`POST /api/networks/${networkId}/phase`]: () => { order.push('POST phase'); return json(phaseChange()); },
    });
    await advancePhase(networkId, { toPhase: 'PilotBusinessPlan', on: '2026-12-01', evidence: 'Acta', documentUrl: null, reason: null }, [
      upload('a1', 'acta.jpg', 'image/jpeg'),
      upload('b2', 'lista.pdf', 'application/pdf'),
    ]);
    expect(order).toEqual(['PUT a1 image/jpeg acta.jpg', 'PUT b2 application/pdf', 'POST phase']);
    expect(await calls[0]!.text()).toBe('acta.jpg');
    expect(calls[0]!.headers.get('X-CSRF')).toBe('1');
    expect(await calls[2]!.json()).toEqual({ toPhase: 'PilotBusinessPlan', on: '2026-12-01', evidence: 'Acta', documentUrl: null, reason: null, evidenceIds: ['a1', 'b2'] });
  });

  it('a refused upload stops the advance: the change is not sent', async () => {
    const calls = stubFetch({
      [`PUT /api/networks/${networkId}/evidence/a1`]: () => json({ title: 'Too large', detail: 'Too large / Muy grande' }, 413),
      [`POST /api/networks/${networkId}/phase`]: () => json(phaseChange()),
    });
    await expect(advancePhase(networkId, { toPhase: 'PilotBusinessPlan', on: '2026-12-01', evidence: 'Acta', documentUrl: null, reason: null }, [upload('a1', 'x.jpg', 'image/jpeg')]))
      .rejects.toMatchObject({ problem: { status: 413 } });
    expect(calls.map((c) => c.method)).toEqual(['PUT']);
  });

  it('a correction sends If-Match with the version read, and keeps the earlier files', async () => {
    const calls = stubFetch({
      [`PUT /api/networks/${networkId}/evidence/n1`]: () => json({}, 201),
      [`PUT /api/networks/${networkId}/monitoring/2026-11-01`]: () => json(record('2026-11-01')),
    });
    const { version: _v, createdAt: _c, updatedAt: _u, evidence: _e, ...body } = record('2026-11-01');
    await correctMonitoring(networkId, '2026-11-01', 'v3', { ...body, evidenceIds: ['old'] }, [upload('n1', 'foto.jpg', 'image/jpeg')]);
    expect(calls[1]!.headers.get('If-Match')).toBe('"v3"');
    expect((await calls[1]!.json()).evidenceIds).toEqual(['old', 'n1']);
  });

  it('an edit of the network sends If-Match and a 412 is recognised as stale', async () => {
    const calls = stubFetch({ [`PUT /api/networks/${networkId}`]: () => json({ title: 'Precondition failed', currentVersion: '8' }, 412) });
    const error = await updateNetwork(networkId, network().version, { name: 'Red', legalForm: 'Informal', ruc: null }).catch((e: unknown) => e);
    expect(calls[0]!.headers.get('If-Match')).toBe('"7"');
    expect(isStale(error)).toBe(true);
  });
});
