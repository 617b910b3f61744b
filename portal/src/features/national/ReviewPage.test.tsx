import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import ReviewPage from './ReviewPage';
import { page, programme, review, tenant } from './testing';

const routes = (
  <Routes>
    <Route path="/nacional/revisiones/:id" element={<ReviewPage />} />
  </Routes>
);

function desk(current = review(), extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    [`GET /api/national/reviews/${current.id}`]: () => json(current),
    [`GET /api/programmes/${current.programmeId}`]: () => json(programme()),
    'GET /api/tenants': () => json(page([tenant()])),
    ...extra,
  });
}

function valueOf(term: string): string {
  return (screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent ?? '').replace(/\s/g, ' ');
}

describe('a tranche on the review desk', () => {
  it('shows approved, disbursed and remaining in soles', async () => {
    desk();
    renderPage(routes, { path: `/nacional/revisiones/${review().id}` });
    await screen.findByRole('heading', { name: 'Desembolsos' });
    expect(valueOf('Aprobado')).toBe('S/ 80,000.00');
    expect(valueOf('Desembolsado')).toBe('S/ 30,000.00');
    expect(valueOf('Por desembolsar')).toBe('S/ 50,000.00');
  });

  it('refuses an amount above what remains and sends nothing', async () => {
    const calls = desk();
    renderPage(routes, { path: `/nacional/revisiones/${review().id}` });
    await userEvent.type(await screen.findByLabelText(/Monto del tramo/), '50000.01');
    await userEvent.type(screen.getByLabelText(/Referencia/), 'OP-2026-118');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar desembolso' }));

    expect(screen.getByLabelText(/Monto del tramo/)).toHaveAccessibleDescription(expect.stringContaining('El monto supera lo que queda por desembolsar.'));
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });

  it('pays exactly what remains and shows the new figures', async () => {
    let current = review();
    const calls = desk(current, {
      [`GET /api/national/reviews/${current.id}`]: () => json(current),
      [`POST /api/national/reviews/${current.id}/disbursements`]: () => {
        current = review({ disbursedPen: 80000 });
        return json(current, 201);
      },
    });
    renderPage(routes, { path: `/nacional/revisiones/${review().id}` });
    const amount = await screen.findByLabelText(/Monto del tramo/);
    await userEvent.type(amount, '50000');
    await userEvent.clear(screen.getByLabelText(/Fecha del desembolso/));
    await userEvent.type(screen.getByLabelText(/Fecha del desembolso/), '2026-12-01');
    await userEvent.type(screen.getByLabelText(/Referencia/), 'OP-2026-118');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar desembolso' }));

    expect(await screen.findByText('Desembolso registrado.')).toBeInTheDocument();
    expect(await calls.find((call) => call.method === 'POST')!.json()).toEqual({ amountPen: 50000, on: '2026-12-01', reference: 'OP-2026-118' });
    expect(valueOf('Por desembolsar')).toBe('S/ 0.00');
    expect(screen.getByText('Los fondos aprobados ya se desembolsaron por completo.')).toBeInTheDocument();
  });
});

describe('deciding a submission', () => {
  const pending = review({ status: 'Pending', disbursedPen: 0, decidedAt: null, decidedByName: null });

  it('shows the figures against the programme rules, with names instead of codes', async () => {
    desk(pending);
    renderPage(routes, { path: `/nacional/revisiones/${pending.id}` });
    expect(await screen.findByText('Quinua')).toBeInTheDocument();
    expect(valueOf('Región')).toBe('Puno');
    expect(await screen.findByText('Gobierno Regional de Puno')).toBeInTheDocument();
    const checks = await screen.findByRole('region', { name: 'Frente a las reglas del programa' });
    expect(within(checks).getAllByText('Cumple')).toHaveLength(3);
  });

  it('approves with the optional comment, or null without one', async () => {
    const calls = desk(pending, { [`POST /api/national/reviews/${pending.id}/approve`]: () => json(review()) });
    renderPage(routes, { path: `/nacional/revisiones/${pending.id}` });
    await userEvent.click(await screen.findByRole('button', { name: 'Aprobar postulación' }));
    expect(await screen.findByText(/Postulación aprobada/)).toBeInTheDocument();
    expect(await calls.find((call) => call.method === 'POST')!.json()).toEqual({ comment: null });
  });

  it('returns only with a reason, and sends it', async () => {
    const calls = desk(pending, { [`POST /api/national/reviews/${pending.id}/return`]: () => json(review({ status: 'Returned' })) });
    renderPage(routes, { path: `/nacional/revisiones/${pending.id}` });
    await userEvent.click(await screen.findByRole('button', { name: 'Devolver para corregir' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Devolver para corregir' }));
    expect(within(dialog).getByText('Escriba el motivo (al menos 3 caracteres).')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText(/Motivo/), 'Falta la cotización del equipo');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Devolver para corregir' }));
    expect(await screen.findByText(/devuelta a la institución/)).toBeInTheDocument();
    expect(await calls.find((call) => call.method === 'POST')!.json()).toEqual({ reason: 'Falta la cotización del equipo' });
  });
});
