import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import PlanNewPage from './PlanNewPage';
import PlanPage from './PlanPage';
import { nationalProgramme, network, ownProgramme, page, plan, user } from './testData';

function Landed() {
  const location = useLocation();
  return <p>{`en ${location.pathname}`}</p>;
}

function NoticeOf() {
  const state = useLocation().state as { notice: string; failure: string };
  return <p>{`${state.notice}: ${state.failure}`}</p>;
}

const routes = (
  <Routes>
    <Route path="/planes/nuevo" element={<PlanNewPage />} />
    <Route path="/planes/:id" element={<Landed />} />
  </Routes>
);

function api(extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    'GET /bff/user': () => json(user()),
    'GET /api/programmes': () => json(page([ownProgramme(), nationalProgramme(), nationalProgramme({ id: 'closed', name: 'Programa cerrado', closedAt: '2026-10-01T00:00:00Z' })])),
    'GET /api/networks': () => json(page([network(), network({ id: 'n2', name: 'Red Cuy Azángaro', valueChainCode: 'cuy', phase: 'PromotionAndSelection' }), network({ id: 'n3', name: 'Red de Otro Especialista', specialistId: 'other' })])),
    ...extra,
  });
}

const line = (number = 1) => within(screen.getByRole('group', { name: `Línea ${number}` }));
const checks = () => screen.getByRole('region', { name: 'Reglas del programa' }).textContent ?? '';
const submit = () => screen.getByRole('button', { name: 'Presentar plan' });
const text = (value: string) => value.replace(/\s/g, ' ');

async function start(tree = routes) {
  renderPage(tree, { path: `/planes/nuevo?red=${network().id}` });
  await userEvent.selectOptions(await screen.findByLabelText(/^Programa/), 'Fondo Puno Emprende (programa de la institución)');
}

async function fill(field: RegExp, value: string, number = 1) {
  // Typed in one go (as a paste): the checks follow every change the same way, and the suite stays fast.
  fireEvent.change(line(number).getByLabelText(field), { target: { value } });
}

async function typeLine({ unit = '2000', programme = '1400', cash = '600', inKind = '' } = {}) {
  await userEvent.selectOptions(line().getByLabelText(/Rubro/), 'Equipos');
  await fill(/Descripción/, 'Secadora solar');
  await fill(/Costo unitario/, unit);
  await fill(/Aporte del programa/, programme);
  await fill(/en efectivo/, cash);
  await fill(/en especie/, inKind);
}

describe('the programme rules while typing', () => {
  it('offers only open programmes, and the network from the address is chosen', async () => {
    api();
    renderPage(routes, { path: `/planes/nuevo?red=${network().id}` });
    const programme = await screen.findByLabelText(/^Programa/);
    expect(within(programme).queryByText(/Programa cerrado/)).toBeNull();
    expect(screen.getByLabelText(/^Red/)).toHaveValue(network().id);
    expect(within(screen.getByLabelText(/^Red/)).queryByText('Red de Otro Especialista')).toBeNull();
  });

  it('asks for a network when the one in the address is not the specialist’s', async () => {
    api();
    renderPage(routes, { path: '/planes/nuevo?red=not-mine' });
    expect(await screen.findByText('La red indicada no está entre las redes a su cargo: elija una de la lista.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Red/)).toHaveValue('');
  });

  it('keeps what was typed in this tab when the page is opened again (an expired session loses nothing)', async () => {
    api();
    const first = renderPage(routes, { path: `/planes/nuevo?red=${network().id}` });
    await screen.findByLabelText(/^Programa/);
    fireEvent.change(screen.getByLabelText(/Título del plan/), { target: { value: 'Planta de secado' } });
    fireEvent.change(line().getByLabelText(/Costo unitario/), { target: { value: '2000' } });
    first.unmount();
    renderPage(routes, { path: `/planes/nuevo?red=${network().id}` });
    expect(await screen.findByLabelText(/Título del plan/)).toHaveValue('Planta de secado');
    expect(line().getByLabelText(/Costo unitario/)).toHaveValue('2000');
  });

  it('shows the totals and the split in soles as the lines are typed', async () => {
    api();
    await start();
    await typeLine({ unit: '1,000.10', programme: '700.05', cash: '300.05', inKind: '' });
    await fill(/Cantidad/, '2');
    expect(line().getByText('Monto de la línea: S/ 2,000.20')).toBeInTheDocument();
    expect(line().getByText('Falta repartir S/ 1,000.10 del monto de la línea.')).toBeInTheDocument();
    await fill(/Aporte del programa/, '1400.10');
    await fill(/en efectivo/, '600.10');
    expect(line().getByText('El reparto suma el monto de la línea.')).toBeInTheDocument();
    const totals = screen.getByRole('region', { name: 'Totales y cofinanciamiento' });
    expect(text(within(totals).getByText('Costo total').nextElementSibling!.textContent!)).toBe('S/ 2,000.20');
    expect(text(within(totals).getByText('Aporte del programa').nextElementSibling!.textContent!)).toBe('S/ 1,400.10');
    expect(text(within(totals).getByText('Aporte de la red').nextElementSibling!.textContent!)).toMatch(/^S\/ 600\.10 \(30 ?% del total\)$/);
  });

  it('says when the network puts in less than the minimum share, and stops saying it once it does', async () => {
    api();
    await start();
    await typeLine({ programme: '1500', cash: '500' });
    expect(text(checks())).toMatch(/La red aporta 25 ?% del total \(S\/ 500\.00\); el programa exige al menos 30 ?%, es decir S\/ 600\.00\./);
    await fill(/Aporte del programa/, '1400');
    await fill(/en efectivo/, '600');
    expect(text(checks())).not.toMatch(/es decir/);
    expect(text(checks())).toMatch(/La red aporta 30 ?% del total; el programa exige al menos 30 ?%\./);
  });

  it('says when the programme part is above the per-plan maximum', async () => {
    api();
    await start();
    await typeLine({ unit: '3000', programme: '2000.01', cash: '999.99' });
    expect(text(checks())).toContain('El aporte del programa (S/ 2,000.01) supera el máximo por plan (S/ 2,000.00).');
    await fill(/Aporte del programa/, '1400');
    await fill(/en efectivo/, '1600');
    expect(text(checks())).not.toContain('supera el máximo por plan');
  });

  it('says when the programme part is above what the programme has left to commit', async () => {
    api();
    await start();
    await typeLine({ unit: '3000', programme: '1500.01', cash: '1499.99' });
    expect(text(checks())).toContain('Este plan pide S/ 1,500.01 del programa, pero solo le quedan S/ 1,500.00 por comprometer.');
    await fill(/Aporte del programa/, '1500');
    await fill(/en efectivo/, '1500');
    expect(text(checks())).not.toContain('pero solo le quedan');
    expect(text(checks())).toContain('Al programa le quedan S/ 1,500.00 por comprometer; este plan pide S/ 1,500.00.');
  });

  it('says when the network has not reached the programme’s phase or chain', async () => {
    api();
    await start();
    await userEvent.selectOptions(screen.getByLabelText(/^Red/), 'Red Cuy Azángaro');
    expect(text(checks())).toContain('La red está en la fase 1 · Promoción y selección; el programa exige al menos 2 · Plan de negocio piloto.');
    expect(text(checks())).toContain('El programa no financia la cadena Cuy.');
  });

  it('disables submitting while a rule fails and says why; the list is announced politely', async () => {
    api();
    await start();
    await typeLine({ programme: '1500', cash: '500' });
    expect(submit()).toBeDisabled();
    expect(submit()).toHaveAccessibleDescription(expect.stringContaining('El aporte de la red no llega al mínimo del programa.'));
    expect(screen.getByRole('region', { name: 'Reglas del programa' }).querySelector('[aria-live="polite"]')).not.toBeNull();
    await fill(/en efectivo/, '600');
    await fill(/Aporte del programa/, '1400');
    expect(submit()).toBeEnabled();
  });
});

describe('saving and submitting', () => {
  const sent = {
    title: 'Planta de secado de quinua', objectives: 'Secar y vender quinua lavada.', programmeId: ownProgramme().id, networkId: network().id,
    lines: [{ category: 'Equipment', description: 'Secadora solar', quantity: 1, unitCostPen: 2000, programmeFundsPen: 1400, networkCashPen: 400, networkInKindPen: 200 }],
  };

  async function typePlan(tree = routes) {
    await start(tree);
    fireEvent.change(screen.getByLabelText(/Título del plan/), { target: { value: sent.title } });
    fireEvent.change(screen.getByLabelText(/Objetivos/), { target: { value: sent.objectives } });
    await typeLine({ programme: '1400', cash: '400', inKind: '200' });
  }

  it('saves a draft with the lines in soles', async () => {
    const calls = api({ 'POST /api/business-plans': () => json(plan({ status: 'Draft' }), 201) });
    await typePlan();
    await userEvent.click(screen.getByRole('button', { name: 'Guardar borrador' }));
    expect(await screen.findByText(`en /planes/${plan().id}`)).toBeInTheDocument();
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual(['GET /bff/user', 'GET /api/programmes', 'GET /api/networks', 'POST /api/business-plans']);
    expect(await calls[3]!.json()).toEqual(sent);
  });

  it('saves, then submits', async () => {
    const calls = api({
      'POST /api/business-plans': () => json(plan({ status: 'Draft' }), 201),
      [`POST /api/business-plans/${plan().id}/submit`]: () => json(plan()),
    });
    await typePlan();
    await userEvent.click(submit());
    expect(await screen.findByText(`en /planes/${plan().id}`)).toBeInTheDocument();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => new URL(c.url).pathname)).toEqual(['/api/business-plans', `/api/business-plans/${plan().id}/submit`]);
    expect(await posts[1]!.json()).toEqual({ comment: null });
  });

  it('keeps a new plan saved when the submission is refused, and says why on the plan’s page', async () => {
    api({
      'POST /api/business-plans': () => json(plan({ status: 'Draft' }), 201),
      [`POST /api/business-plans/${plan().id}/submit`]: () => json({ status: 403, detail: 'x' }, 403),
    });
    await typePlan(
      <Routes>
        <Route path="/planes/nuevo" element={<PlanNewPage />} />
        <Route path="/planes/:id" element={<NoticeOf />} />
      </Routes>,
    );
    await userEvent.click(submit());
    expect(await screen.findByText('savedNotSubmitted: Su rol no permite ver esta página.')).toBeInTheDocument();
  });

  it('does not send an incomplete plan, and says what is missing', async () => {
    const calls = api();
    await start();
    await userEvent.click(screen.getByRole('button', { name: 'Guardar borrador' }));
    expect(screen.getByLabelText(/Título del plan/)).toHaveAccessibleDescription('Escriba un título de 3 a 200 caracteres.');
    expect(line().getByLabelText(/Costo unitario/)).toHaveAccessibleDescription(expect.stringContaining('Escriba un costo mayor que cero'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows the server’s refusal in Spanish when it refuses the plan anyway', async () => {
    const editable = plan({ status: 'Draft' });
    api({
      [`GET /api/business-plans/${editable.id}`]: () => json(editable),
      [`PUT /api/business-plans/${editable.id}`]: () => json(editable),
      [`POST /api/business-plans/${editable.id}/submit`]: () =>
        json({ status: 409, title: 'Conflict / Conflicto', detail: 'The programme is closed: it takes no new plans or approvals. / El programa está cerrado: no admite planes ni aprobaciones nuevas.', field: 'programmeId' }, 409),
    });
    renderPage(<Routes><Route path="/planes/:id" element={<PlanPage />} /></Routes>, { path: `/planes/${editable.id}` });
    await userEvent.click(await screen.findByRole('button', { name: 'Presentar plan' }));
    expect(await screen.findByText('El programa está cerrado: no admite planes ni aprobaciones nuevas.')).toBeInTheDocument();
  });

  it('edits a returned plan with PUT: title, objectives and lines, never the programme or network', async () => {
    const returned = plan({
      status: 'Returned',
      history: [...plan().history, { fromStatus: 'Submitted', toStatus: 'Returned', actorId: null, actorName: 'Luis Mamani', comment: 'Detalle el costo de la secadora.', at: '2026-11-22T10:00:00Z' }],
    });
    const calls = api({
      [`GET /api/business-plans/${returned.id}`]: () => json(returned),
      [`PUT /api/business-plans/${returned.id}`]: () => json(returned),
    });
    renderPage(<Routes><Route path="/planes/:id" element={<PlanPage />} /></Routes>, { path: `/planes/${returned.id}` });
    expect(await screen.findByText('Motivo: Detalle el costo de la secadora.')).toBeInTheDocument();
    await fill(/Descripción/, 'Secadora solar de 3 bandejas');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar borrador' }));
    expect(await screen.findByText('Borrador guardado.')).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(await put.json()).toEqual({
      title: returned.title, objectives: returned.objectives,
      lines: [{ ...sent.lines[0], description: 'Secadora solar de 3 bandejas' }],
    });
  });
});
