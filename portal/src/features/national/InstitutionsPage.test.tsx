import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import InstitutionPage from './InstitutionPage';
import InstitutionsPage from './InstitutionsPage';
import { page, tenant } from './testing';

describe('the institutions list', () => {
  it('sends the search text and the status to the service and shows what it finds', async () => {
    const calls = stubFetch({
      'GET /api/tenants': (request) =>
        json(new URL(request.url).searchParams.has('Search') ? page([tenant({ status: 'Suspended' })]) : page([tenant(), tenant({ id: 'other', name: 'Cooperativa Cañihua' })])),
    });
    renderPage(<InstitutionsPage />, { path: '/nacional/instituciones' });
    expect(await screen.findByRole('link', { name: 'Cooperativa Cañihua' })).toBeInTheDocument();

    await userEvent.type(screen.getByRole('searchbox', { name: /Nombre, identificador o RUC/ }), '20406325815');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Estado' }), 'Suspendida');
    await userEvent.click(screen.getByRole('button', { name: 'Buscar' }));

    expect(await screen.findByText('Suspendida', { selector: '.badge' })).toBeInTheDocument();
    const query = new URL(calls.at(-1)!.url).searchParams;
    expect(query.get('Search')).toBe('20406325815');
    expect(query.get('Status')).toBe('Suspended');
    expect(screen.queryByRole('link', { name: 'Cooperativa Cañihua' })).not.toBeInTheDocument();
  });

  it('says when nothing matches the search', async () => {
    stubFetch({ 'GET /api/tenants': () => json(page([])) });
    renderPage(<InstitutionsPage />, { path: '/nacional/instituciones?buscar=nadie' });
    expect(await screen.findByText('Ninguna institución coincide con la búsqueda.')).toBeInTheDocument();
  });

  it('says when the role may not list institutions', async () => {
    stubFetch({ 'GET /api/tenants': () => json({ title: 'Forbidden' }, 403) });
    renderPage(<InstitutionsPage />, { path: '/nacional/instituciones' });
    expect(await screen.findByText('Su rol no permite ver esta página.')).toBeInTheDocument();
  });
});

describe('one institution', () => {
  const suspended = tenant({ status: 'Suspended', suspendedAt: '2026-11-28T12:00:00Z', suspensionReason: 'Convenio vencido' });
  const routes = (
    <Routes>
      <Route path="/nacional/instituciones/:id" element={<InstitutionPage />} />
    </Routes>
  );

  it('shows the status history with reasons and who decided', async () => {
    stubFetch({
      [`GET /api/tenants/${suspended.id}`]: () => json(suspended),
      [`GET /api/tenants/${suspended.id}/history`]: () =>
        json([{ status: 'Suspended', reason: 'Convenio vencido', changedBy: null, changedByName: 'Ana Torres', at: '2026-11-28T12:00:00Z' }]),
    });
    renderPage(routes, { path: `/nacional/instituciones/${suspended.id}` });
    const table = await screen.findByRole('table', { name: 'Cambios de estado de la institución' });
    expect(within(table).getByText('Ana Torres')).toBeInTheDocument();
    expect(within(table).getByText('Convenio vencido')).toBeInTheDocument();
  });

  it('reactivates without a reason by sending a null reason', async () => {
    const calls = stubFetch({
      [`GET /api/tenants/${suspended.id}`]: () => json(suspended),
      [`GET /api/tenants/${suspended.id}/history`]: () => json([]),
      [`POST /api/tenants/${suspended.id}/reactivate`]: () => json(tenant()),
    });
    renderPage(routes, { path: `/nacional/instituciones/${suspended.id}` });
    expect(await screen.findByText('La institución no ha cambiado de estado.')).toBeInTheDocument();

    await userEvent.click(await screen.findByRole('button', { name: 'Reactivar' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Reactivar' }));

    expect(await screen.findByText('Gobierno Regional de Puno está activa de nuevo.')).toBeInTheDocument();
    expect(await calls.find((call) => call.method === 'POST')!.json()).toEqual({ reason: null });
  });

  it('suspends only with a reason, and sends it', async () => {
    const active = tenant();
    const calls = stubFetch({
      [`GET /api/tenants/${active.id}`]: () => json(active),
      [`GET /api/tenants/${active.id}/history`]: () => json([]),
      [`POST /api/tenants/${active.id}/suspend`]: () => json(suspended),
    });
    renderPage(routes, { path: `/nacional/instituciones/${active.id}` });
    await userEvent.click(await screen.findByRole('button', { name: 'Suspender' }));
    const dialog = screen.getByRole('dialog', { name: 'Suspender Gobierno Regional de Puno' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Suspender' }));
    expect(within(dialog).getByText('Escriba el motivo (al menos 3 caracteres).')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    await userEvent.type(within(dialog).getByLabelText(/Motivo/), 'Convenio vencido');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Suspender' }));
    expect(await screen.findByText('Gobierno Regional de Puno quedó suspendida.')).toBeInTheDocument();
    expect(await calls.find((call) => call.method === 'POST')!.json()).toEqual({ reason: 'Convenio vencido' });
  });
});
