import type { ReactElement } from 'react';
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import MyWorkPage from '../work/MyWorkPage';
import ImportPage from './ImportPage';
import NewProducerPage from './NewProducerPage';
import ProducerPage from './ProducerPage';
import ProducersListPage from './ProducersListPage';
import { page, placeRoutes, producer, summary, userWith } from './testData';

beforeEach(() => {
  stubFetch({
    ...placeRoutes,
    'GET /bff/user': () => json(userWith(['Specialist'])),
    'GET /api/producers': () => json(page([summary()])),
    [`GET /api/producers/${producer().id}`]: () => json(producer()),
    [`GET /api/producers/${producer().id}/incomes`]: () => json([{ id: 'i1', kind: 'Baseline', measuredOn: '2026-03-10', annualNetIncomePen: 8400, recordedBy: null }]),
    'GET /api/networks/my-work': () =>
      json({
        networks: [{ id: 'n1', name: 'Cuyes de Cabanillas', valueChainCode: 'cuy', region: 'PE-PUN', phase: 'Preparation', specialistName: 'Luis', memberCount: 5, monitoringDueFor: '2026-04', membersWithoutConsentDate: 1 }],
        producers: { total: 5, withoutConsentDate: 1 },
        recent: [{ at: '2026-05-02T15:30:00Z', kind: 'NetworkFormed', networkId: 'n1', networkName: 'Cuyes de Cabanillas', producerId: null, producerName: null }],
      }),
    'GET /api/business-plans': () => json({ items: [], pageNumber: 1, pageSize: 200, totalCount: 0 }),
  });
});

/** Serious and critical axe findings (contrast needs a real browser: the end-to-end suite checks it). */
async function problems(element: ReactElement, path: string, ready: string): Promise<string[]> {
  const { container } = renderPage(<main>{element}</main>, { path });
  await screen.findAllByText(ready);
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('accessibility of the producers’ pages and my work (axe, serious and critical)', () => {
  it('list', async () => expect(await problems(<ProducersListPage />, '/productores', 'Rosa Quispe Mamani')).toEqual([]));
  it('register', async () => expect(await problems(<NewProducerPage />, '/productores/nuevo', 'Puno')).toEqual([]));
  it('import', async () => expect(await problems(<ImportPage />, '/productores/importar', 'Revisar el archivo')).toEqual([]));
  it('producer', async () =>
    expect(
      await problems(<Routes><Route path="/productores/:id" element={<ProducerPage />} /></Routes>, `/productores/${producer().id}`, 'S/ 8,400.00'),
    ).toEqual([]));
  it('my work', async () => expect(await problems(<MyWorkPage />, '/mi-trabajo', 'Cuyes de Cabanillas')).toEqual([]));
});
