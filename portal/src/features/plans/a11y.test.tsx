import type { ReactElement } from 'react';
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import PlanNewPage from './PlanNewPage';
import PlanPage from './PlanPage';
import PlansPage from './PlansPage';
import { nationalProgramme, network, ownProgramme, page, plan, specialistId, summary, user } from './testData';

const draft = plan({ id: 'draft-1', status: 'Draft' });
const executing = plan({
  id: 'exec-1', status: 'InExecution', programmeId: nationalProgramme().id, disbursedPen: 400,
  disbursements: [{ id: 'd1', on: '2026-12-01', amountPen: 400, reference: 'OP-118', recordedAt: '2026-12-01T10:00:00Z' }],
  contributions: [{ id: 'c1', on: '2026-12-02', cashPen: 100, inKindPen: 50, description: 'Jornales', recordedAt: '2026-12-02T10:00:00Z' }],
});

beforeEach(() => {
  stubFetch({
    'GET /bff/user': () => json(user(['Supervisor', 'Specialist'], specialistId)),
    'GET /api/programmes': () => json(page([ownProgramme(), nationalProgramme()])),
    'GET /api/networks': () => json(page([network()])),
    'GET /api/business-plans': () => json(page([summary()])),
    [`GET /api/business-plans/${plan().id}`]: () => json(plan()),
    [`GET /api/business-plans/${draft.id}`]: () => json(draft),
    [`GET /api/business-plans/${executing.id}`]: () => json(executing),
  });
});

/** Serious and critical axe findings (contrast needs a real browser: the end-to-end suite checks it). */
async function problems(element: ReactElement, path: string, ready: string): Promise<string[]> {
  const { container } = renderPage(<main>{element}</main>, { path });
  await screen.findAllByText(ready);
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const one = <Routes><Route path="/planes/:id" element={<PlanPage />} /></Routes>;

describe('accessibility of the plans pages (axe, serious and critical)', () => {
  it('list', async () => expect(await problems(<PlansPage />, '/planes', 'Red Quinua Cabana')).toEqual([]));
  it('queue', async () => expect(await problems(<PlansPage />, '/planes?vista=cola', 'Decidir')).toEqual([]));
  it('new plan', async () =>
    expect(await problems(<Routes><Route path="/planes/nuevo" element={<PlanNewPage />} /></Routes>, `/planes/nuevo?red=${network().id}`, 'Reglas del programa')).toEqual([]));
  it('draft in the editor', async () => expect(await problems(one, `/planes/${draft.id}`, 'Línea 1')).toEqual([]));
  it('submitted plan with decisions', async () => expect(await problems(one, `/planes/${plan().id}`, 'Aprobar plan')).toEqual([]));
  it('plan in execution on a national programme', async () => expect(await problems(one, `/planes/${executing.id}`, 'Mesa de revisión nacional')).toEqual([]));
});
