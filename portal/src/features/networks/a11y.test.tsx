import type { ReactElement } from 'react';
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import MonitoringPage from './MonitoringPage';
import NetworkPage from './NetworkPage';
import NetworksPage from './NetworksPage';
import NewNetworkPage from './NewNetworkPage';
import { network, networkId, page, phaseChange, producer, record, userWith } from './testData';

beforeEach(() => {
  stubFetch({
    'GET /bff/user': () => json(userWith(['Supervisor', 'Specialist'])),
    'GET /api/networks': () => json(page([{ ...network(), memberCount: 2 }])),
    [`GET /api/networks/${networkId}`]: () => json(network()),
    [`GET /api/networks/${networkId}/phases`]: () => json([phaseChange()]),
    [`GET /api/networks/${networkId}/members/history`]: () => json([{ producerId: 'p1', fullName: 'Juana Quispe', gender: 'Female', joinedOn: '2026-03-01', addedBy: null, leftOn: null, leftReason: null, removedBy: null }]),
    [`GET /api/networks/${networkId}/leaders`]: () => json([{ fromProducerId: null, toProducerId: 'p1', on: '2026-03-01', actorId: null, recordedAt: '2026-03-01T10:00:00Z' }]),
    [`GET /api/networks/${networkId}/monitoring`]: () => json({ networkId, records: [record('2026-11-01')], incomeChangePercent: null }),
    'GET /api/producers': () => json(page([producer('p3', 'Flor', 'Ccori')])),
    'GET /api/specialists': () => json([{ id: 's2', fullName: 'Luis Condori', regions: ['PE-CAJ'], isTrained: true }]),
  });
});

/** Serious and critical axe findings (contrast needs a real browser: the end-to-end suite checks it). */
async function problems(element: ReactElement, path: string, ready: string | RegExp): Promise<string[]> {
  const { container } = renderPage(<main>{element}</main>, { path });
  await screen.findAllByText(ready);
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('accessibility of the networks pages (axe, serious and critical)', () => {
  it('list', async () => expect(await problems(<NetworksPage />, '/redes', 'Red Cuyes de Chota')).toEqual([]));
  it('formation', async () => expect(await problems(<NewNetworkPage />, '/redes/nueva', /Flor Ccori/)).toEqual([]));
  it('network', async () =>
    expect(await problems(<Routes><Route path="/redes/:id" element={<NetworkPage />} /></Routes>, `/redes/${networkId}`, 'Luis Condori')).toEqual([]));
  it('monitoring', async () =>
    expect(await problems(<Routes><Route path="/redes/:id/monitoreo" element={<MonitoringPage />} /></Routes>, `/redes/${networkId}/monitoreo`, 'noviembre de 2026')).toEqual([]));
});
