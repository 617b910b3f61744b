import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../../test/render';
import ApplicationsPage from './ApplicationsPage';
import { application, page } from './testing';

const pending = application();
const detailPath = `/nacional/solicitudes?solicitud=${pending.id}`;

describe('the applications queue', () => {
  it('asks for pending applications first and shows each one with its regions in Spanish and its first admin', async () => {
    const calls = stubFetch({ 'GET /api/onboarding/applications': () => json(page([pending])) });
    renderPage(<ApplicationsPage />, { path: '/nacional/solicitudes' });

    const row = (await screen.findByRole('link', { name: 'Gobierno Regional de Puno' })).closest('tr')!;
    expect(within(row).getByText('Puno, Cusco')).toBeInTheDocument();
    expect(within(row).getByText(/rosa@regionpuno\.gob\.pe/)).toBeInTheDocument();
    expect(within(row).getByText('Entidad pública')).toBeInTheDocument();
    expect(new URL(calls[0]!.url).searchParams.get('status')).toBe('Pending');
  });

  it('says so when no application has the status', async () => {
    stubFetch({ 'GET /api/onboarding/applications': () => json(page([])) });
    renderPage(<ApplicationsPage />, { path: '/nacional/solicitudes?estado=Rejected' });
    expect(await screen.findByText('No hay solicitudes con este estado.')).toBeInTheDocument();
  });

  it('shows the service being down, with a retry', async () => {
    stubFetch({ 'GET /api/onboarding/applications': () => json({ title: 'Error' }, 503) });
    renderPage(<ApplicationsPage />, { path: '/nacional/solicitudes' });
    expect(await screen.findByRole('alert')).toHaveTextContent('El servicio no está disponible');
    expect(screen.getByRole('button', { name: 'Reintentar' })).toBeInTheDocument();
  });
});

describe('deciding an application', () => {
  it('approves with a POST to its approve endpoint and says the institution exists', async () => {
    let status: 'Pending' | 'Approved' = 'Pending';
    const calls = stubFetch({
      [`GET /api/onboarding/applications/${pending.id}`]: () => json(application({ status })),
      [`POST /api/onboarding/applications/${pending.id}/approve`]: () => {
        status = 'Approved';
        return json({});
      },
    });
    renderPage(<ApplicationsPage />, { path: detailPath });

    await userEvent.click(await screen.findByRole('button', { name: 'Aprobar solicitud' }));

    expect(await screen.findByText(/ya es una institución de la plataforma/)).toBeInTheDocument();
    const approve = calls.find((call) => call.method === 'POST')!;
    expect(new URL(approve.url).pathname).toBe(`/api/onboarding/applications/${pending.id}/approve`);
    expect(approve.headers.get('X-CSRF')).toBe('1');
  });

  it('will not reject without a reason, and sends the reason it is given', async () => {
    const calls = stubFetch({
      [`GET /api/onboarding/applications/${pending.id}`]: () => json(pending),
      [`POST /api/onboarding/applications/${pending.id}/reject`]: () => json(application({ status: 'Rejected', decisionReason: 'RUC no activo en SUNAT' })),
    });
    renderPage(<ApplicationsPage />, { path: detailPath });

    await userEvent.click(await screen.findByRole('button', { name: 'Rechazar solicitud' }));
    const dialog = screen.getByRole('dialog', { name: /Rechazar la solicitud de Gobierno Regional de Puno/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rechazar solicitud' }));
    expect(within(dialog).getByText('Escriba el motivo (al menos 3 caracteres).')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    await userEvent.type(within(dialog).getByLabelText(/Motivo/), 'RUC no activo en SUNAT');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rechazar solicitud' }));

    expect(await screen.findByText('Solicitud de Gobierno Regional de Puno rechazada.')).toBeInTheDocument();
    const reject = calls.find((call) => call.method === 'POST')!;
    expect(await reject.json()).toEqual({ reason: 'RUC no activo en SUNAT' });
  });

  it('shows a decided application with its decision and reason, and no buttons', async () => {
    stubFetch({
      [`GET /api/onboarding/applications/${pending.id}`]: () =>
        json(application({ status: 'Rejected', decidedAt: '2026-11-23T10:00:00Z', decisionReason: 'RUC no activo en SUNAT' })),
    });
    renderPage(<ApplicationsPage />, { path: detailPath });
    expect(await screen.findByText('RUC no activo en SUNAT')).toBeInTheDocument();
    expect(screen.getByText('Rechazada')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Aprobar solicitud' })).not.toBeInTheDocument();
  });
});
