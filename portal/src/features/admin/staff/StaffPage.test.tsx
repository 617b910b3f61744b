import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../../test/render';
import { today } from '../api';
import { bodyOf, details, page, tenant, units } from '../testData';
import StaffPage from './StaffPage';

const person = details();
const path = `/api/staff/${person.id}`;

function show(routes: Record<string, (request: Request) => Response | Promise<Response>> = {}, current = person) {
  const calls = stubFetch({
    [`GET ${path}`]: () => json(current),
    'GET /api/tenants/current': () => json(tenant),
    'GET /api/org-units': () => json(page(units)),
    ...routes,
  });
  renderPage(
    <Routes>
      <Route path="/personal/:id" element={<StaffPage />} />
    </Routes>,
    { path: `/personal/${person.id}` },
  );
  return calls;
}

const section = async (name: string) => within(await screen.findByRole('region', { name }));

describe('a person’s roles', () => {
  it('sends the roles as ticked', async () => {
    const calls = show({ [`PUT ${path}/roles`]: () => json(details({ roles: ['Supervisor', 'Viewer'] })) });
    const user = userEvent.setup();
    const roles = await section('Roles');
    await user.click(roles.getByRole('checkbox', { name: 'Especialista' }));
    await user.click(roles.getByRole('checkbox', { name: 'Supervisor' }));
    await user.click(roles.getByRole('checkbox', { name: 'Lector' }));
    await user.click(roles.getByRole('button', { name: 'Guardar roles' }));

    expect(await roles.findByText(/Roles guardados/)).toBeInTheDocument();
    expect(await bodyOf(calls, 'PUT', `${path}/roles`)).toEqual({ roles: ['Supervisor', 'Viewer'] });
  });

  it('asks for at least one role and sends nothing without one', async () => {
    const calls = show();
    const user = userEvent.setup();
    const roles = await section('Roles');
    await user.click(roles.getByRole('checkbox', { name: 'Especialista' }));
    await user.click(roles.getByRole('button', { name: 'Guardar roles' }));

    expect(await roles.findByText('Elija al menos un rol.')).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it('shows the service’s refusal to remove one’s own administrator role', async () => {
    show(
      {
        [`PUT ${path}/roles`]: () =>
          json({ status: 422, title: 'Unprocessable / No procesable', detail: 'You cannot remove your own TenantAdmin role. / No puede quitarse su propio rol de administrador.', field: 'roles' }, 422),
      },
      details({ roles: ['TenantAdmin'] }),
    );
    const user = userEvent.setup();
    const roles = await section('Roles');
    await user.click(roles.getByRole('checkbox', { name: 'Supervisor' }));
    await user.click(roles.getByRole('checkbox', { name: 'Administrador' }));
    await user.click(roles.getByRole('button', { name: 'Guardar roles' }));

    expect(await roles.findByText('No puede quitarse su propio rol de administrador.')).toBeInTheDocument();
  });
});

describe('the selection criteria', () => {
  it('show whether they are met and since when, and send the three answers with the notes', async () => {
    const assessed = details({ selection: { roleFitsWork: true, territoryMatches: true, availableForResponsibilities: true, isMet: true, notes: 'Vive en Juliaca', assessedAt: '2026-03-01T15:00:00Z' } });
    const calls = show({ [`PUT ${path}/selection-criteria`]: () => json(assessed) });
    const user = userEvent.setup();
    const selection = await section('Criterios de selección');
    expect(selection.getByText('No cumple todos los criterios')).toBeInTheDocument();
    expect(selection.getByText('Aún no evaluado.')).toBeInTheDocument();
    expect(selection.getByRole('checkbox', { name: 'Su cargo corresponde al trabajo' })).toBeChecked();

    await user.click(selection.getByRole('checkbox', { name: 'Su territorio coincide' }));
    await user.click(selection.getByRole('checkbox', { name: 'Tiene disponibilidad para las responsabilidades' }));
    await user.type(selection.getByRole('textbox', { name: 'Notas' }), 'Vive en Juliaca');
    await user.click(selection.getByRole('button', { name: 'Guardar evaluación' }));

    expect(await selection.findByText('Cumple los tres criterios')).toBeInTheDocument();
    expect(selection.getByText(/^Evaluado el /)).toBeInTheDocument();
    expect(await bodyOf(calls, 'PUT', `${path}/selection-criteria`)).toEqual({
      roleFitsWork: true, territoryMatches: true, availableForResponsibilities: true, notes: 'Vive en Juliaca',
    });
  });
});

describe('the training record', () => {
  it('refuses a completion date after today and hours outside 0.5–500', async () => {
    const calls = show();
    const user = userEvent.setup();
    const training = await section('Capacitación');
    expect(training.getByText('Aún no hay capacitaciones registradas.')).toBeInTheDocument();
    await user.type(training.getByRole('textbox', { name: 'Módulo' }), 'Articulación comercial');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    fireEvent.change(training.getByLabelText(/Fecha de término/), { target: { value: tomorrow } });
    await user.type(training.getByRole('textbox', { name: 'Horas' }), '0.2');
    await user.click(training.getByRole('button', { name: 'Registrar capacitación' }));

    expect(await training.findByText('La fecha de término no puede ser posterior a hoy.')).toBeInTheDocument();
    expect(training.getByText('Indique entre 0.5 y 500 horas.')).toBeInTheDocument();

    await user.clear(training.getByRole('textbox', { name: 'Horas' }));
    await user.type(training.getByRole('textbox', { name: 'Horas' }), '501');
    await user.click(training.getByRole('button', { name: 'Registrar capacitación' }));
    expect(await training.findByText('Indique entre 0.5 y 500 horas.')).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('sends a valid training and lists it', async () => {
    const recorded = { id: '40000000-0000-7000-8000-000000000001', module: 'Articulación comercial', completedOn: today(), hours: 12.5, passed: true };
    let current = person;
    const calls = show({
      [`GET ${path}`]: () => json(current),
      [`POST ${path}/trainings`]: () => {
        current = details({ trainings: [recorded] });
        return json(recorded, 201);
      },
    });
    const user = userEvent.setup();
    const training = await section('Capacitación');
    await user.type(training.getByRole('textbox', { name: 'Módulo' }), 'Articulación comercial');
    fireEvent.change(training.getByLabelText(/Fecha de término/), { target: { value: today() } });
    await user.type(training.getByRole('textbox', { name: 'Horas' }), '12,5');
    await user.click(training.getByRole('checkbox', { name: 'Aprobó el módulo' }));
    await user.click(training.getByRole('button', { name: 'Registrar capacitación' }));

    expect(await training.findByText('Capacitación «Articulación comercial» registrada.')).toBeInTheDocument();
    expect(await bodyOf(calls, 'POST', `${path}/trainings`)).toEqual({ module: 'Articulación comercial', completedOn: today(), hours: 12.5, passed: true });
    const table = await training.findByRole('table', { name: 'Capacitaciones de Rosa Quispe Mamani' });
    expect(within(table).getByRole('rowheader', { name: 'Articulación comercial' })).toBeInTheDocument();
    expect(within(table).getByText('12.5')).toBeInTheDocument();
  });
});

describe('access and invitation', () => {
  it('deactivates only after confirming', async () => {
    const calls = show({ [`POST ${path}/deactivate`]: () => json(details({ isActive: false, deactivatedAt: '2026-03-05T12:00:00Z' })) });
    const user = userEvent.setup();
    const access = await section('Acceso');
    await user.click(access.getByRole('button', { name: 'Desactivar' }));
    const dialog = screen.getByRole('dialog', { name: '¿Desactivar a Rosa Quispe Mamani?' });
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Desactivar' }));

    expect(await access.findByText('La persona fue desactivada.')).toBeInTheDocument();
    expect(access.getByRole('button', { name: 'Reactivar' })).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST').map((call) => new URL(call.url).pathname)).toEqual([`${path}/deactivate`]);
  });

  it('resends a pending invitation, and says when it is no longer pending', async () => {
    let answer = () => new Response(null, { status: 202 });
    show({ [`POST ${path}/invitation`]: () => answer() }, details({ invitationPending: true }));
    const user = userEvent.setup();
    expect(await screen.findByText('Invitación pendiente', { selector: '.badge' })).toBeInTheDocument();
    const invitation = await section('Invitación pendiente');
    await user.click(invitation.getByRole('button', { name: 'Reenviar invitación' }));
    expect(await invitation.findByText(/Reenviamos la invitación a rosa@regionpuno.gob.pe/)).toBeInTheDocument();

    answer = () => json({ status: 409, title: 'Conflict / Conflicto', detail: 'The invitation was already accepted. / La invitación ya fue aceptada.' }, 409);
    await user.click(invitation.getByRole('button', { name: 'Reenviar invitación' }));
    await waitFor(() => expect(invitation.getByRole('alert')).toHaveTextContent('La invitación ya fue aceptada.'));
  });

  it('offers no resend when the invitation was accepted', async () => {
    show();
    await section('Roles');
    expect(screen.queryByRole('button', { name: 'Reenviar invitación' })).not.toBeInTheDocument();
  });

  it('says when the person does not exist', async () => {
    show({ [`GET ${path}`]: () => new Response(null, { status: 404 }) });
    expect(await screen.findByText('No se encontró lo que buscaba.')).toBeInTheDocument();
  });
});
