import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import ProgrammePage from './ProgrammePage';
import ProgrammesPage from './ProgrammesPage';
import { page, programme, tenant } from './testing';

const published = programme();
const routes = (
  <Routes>
    <Route path="/nacional/programas/:id" element={<ProgrammePage />} />
  </Routes>
);

function stub(extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    [`GET /api/programmes/${published.id}`]: () => json(published),
    [`GET /api/programmes/${published.id}/budgets`]: () => json(page([{ tenantId: tenant().id, committedPen: 80000, disbursedPen: 30000 }])),
    'GET /api/tenants': () => json(page([tenant()])),
    ...extra,
  });
}

describe('a national programme', () => {
  it('shows its rules, money and what each institution has committed and received', async () => {
    stub();
    renderPage(routes, { path: `/nacional/programas/${published.id}` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Procompite Andino' })).toBeInTheDocument();
    const budgets = await screen.findByRole('table', { name: 'Fondos comprometidos y desembolsados por institución' });
    const row = (await within(budgets).findByRole('link', { name: 'Gobierno Regional de Puno' })).closest('tr')!;
    expect(within(row).getByText('S/ 80,000.00')).toBeInTheDocument();
    expect(within(row).getByText('S/ 30,000.00')).toBeInTheDocument();
  });

  it('sends an edit as the whole rules with PUT, and shows the refusal when the budget falls below what is committed', async () => {
    const calls = stub({
      [`PUT /api/programmes/${published.id}`]: () =>
        json({ status: 422, title: 'Unprocessable', detail: 'The budget is below what is committed. / El presupuesto queda por debajo de lo comprometido.' }, 422),
    });
    renderPage(routes, { path: `/nacional/programas/${published.id}` });
    await userEvent.click(await screen.findByRole('button', { name: 'Editar' }));
    const budget = screen.getByLabelText(/Presupuesto total/);
    expect(budget).toHaveValue('1500000.00');
    await userEvent.clear(budget);
    await userEvent.type(budget, '200000');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('El presupuesto queda por debajo de lo comprometido.');
    const put = calls.find((call) => call.method === 'PUT')!;
    expect(await put.json()).toEqual({
      name: 'Procompite Andino', funder: 'PRODUCE', totalBudgetPen: 200000, maxProgrammeFundsPerPlanPen: 120000, minNetworkContributionShare: 0.3,
      startsOn: '2026-01-15', endsOn: '2027-12-31', minPhase: 2, eligibleValueChains: ['quinoa', 'alpaca-fibre'], eligibleRegions: [], isPublic: false,
    });
  });

  it('closes after confirming, and then offers no edit', async () => {
    let current = published;
    const calls = stub({
      [`GET /api/programmes/${published.id}`]: () => json(current),
      [`POST /api/programmes/${published.id}/close`]: () => {
        current = programme({ closedAt: '2026-12-01T10:00:00Z' });
        return json(current);
      },
    });
    renderPage(routes, { path: `/nacional/programas/${published.id}` });
    await userEvent.click(await screen.findByRole('button', { name: 'Cerrar programa' }));
    await userEvent.click(within(screen.getByRole('dialog', { name: 'Cerrar el programa' })).getByRole('button', { name: 'Cerrar programa' }));

    expect(await screen.findByText('Programa cerrado.')).toBeInTheDocument();
    expect(screen.getByText('Cerrado')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Editar' })).not.toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });
});

describe('the programmes list', () => {
  it('shows each programme with its rules panel', async () => {
    stubFetch({ 'GET /api/programmes': () => json(page([published])) });
    renderPage(<ProgrammesPage />, { path: '/nacional/programas' });
    const item = (await screen.findByRole('link', { name: 'Procompite Andino' })).closest('li')!;
    expect(within(item).getByRole('heading', { level: 3, name: 'Reglas para postular' })).toBeInTheDocument();
    expect(within(item).getByText('S/ 1,500,000.00')).toBeInTheDocument();
  });

  it('says when there are no programmes yet', async () => {
    stubFetch({ 'GET /api/programmes': () => json(page([])) });
    renderPage(<ProgrammesPage />, { path: '/nacional/programas' });
    expect(await screen.findByText('Aún no hay programas.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Publicar programa' })).toHaveAttribute('href', '/nacional/programas/nuevo');
  });
});
