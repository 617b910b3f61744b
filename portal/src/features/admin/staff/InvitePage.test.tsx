import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../../../test/render';
import { bodyOf, details, page, tenant, units, agency } from '../testData';
import InvitePage from './InvitePage';

function stub(invite: (request: Request) => Response | Promise<Response> = () => json(details({ email: 'luis@regionpuno.gob.pe', invitationPending: true }), 201)) {
  return stubFetch({
    'GET /api/tenants/current': () => json(tenant),
    'GET /api/org-units': () => json(page(units)),
    'POST /api/staff/invitations': invite,
  });
}

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByRole('textbox', { name: 'Nombres y apellidos' }), 'Luis Condori Apaza');
  await user.type(screen.getByRole('textbox', { name: 'Correo electrónico' }), 'luis@regionpuno.gob.pe');
  await user.click(screen.getByRole('checkbox', { name: 'Especialista' }));
  await user.click(screen.getByRole('checkbox', { name: 'Supervisor' }));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Unidad orgánica' }), agency.name);
  await user.click(screen.getByRole('checkbox', { name: 'Puno' }));
  await user.type(screen.getByRole('textbox', { name: 'DNI' }), '41234567');
}

describe('inviting a person', () => {
  it('offers the four tenant roles by their Spanish names and only the institution’s regions', async () => {
    stub();
    renderPage(<InvitePage />);
    const roles = within(await screen.findByRole('group', { name: 'Roles' }));
    expect(roles.getAllByRole('checkbox').map((box) => box.parentElement?.textContent)).toEqual(['Administrador', 'Supervisor', 'Especialista', 'Lector']);
    const regions = within(screen.getByRole('group', { name: 'Regiones' }));
    expect(regions.getAllByRole('checkbox').map((box) => box.parentElement?.textContent)).toEqual(['Puno', 'Cusco']);
  });

  it('says what is missing: name, e-mail and at least one role, and sends nothing', async () => {
    const calls = stub();
    const user = userEvent.setup();
    renderPage(<InvitePage />);
    await user.type(await screen.findByRole('textbox', { name: 'Correo electrónico' }), 'luis@');
    await user.click(screen.getByRole('button', { name: 'Enviar invitación' }));

    expect(await screen.findByText('Escriba entre 3 y 200 caracteres.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Correo electrónico' })).toHaveAccessibleDescription(expect.stringContaining('Escriba un correo electrónico válido'));
    expect(screen.getByText('Elija al menos un rol.')).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('refuses regions outside the institution (a draft from elsewhere) before sending', async () => {
    sessionStorage.setItem('redes.draft.admin.invite', JSON.stringify({ fullName: 'Luis Condori', email: 'luis@regionpuno.gob.pe', roles: ['Specialist'], orgUnitId: '', regions: ['PE-LMA'], dni: '', phone: '' }));
    const calls = stub();
    const user = userEvent.setup();
    renderPage(<InvitePage />);
    await user.click(await screen.findByRole('button', { name: 'Enviar invitación' }));

    const regions = within(screen.getByRole('group', { name: 'Regiones' }));
    expect(await regions.findByText('Elija solo regiones donde trabaja su institución.')).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    // The foreign region shows, ticked, so it can be taken away.
    await user.click(regions.getByRole('checkbox', { name: 'Lima Metropolitana' }));
    await user.click(screen.getByRole('button', { name: 'Enviar invitación' }));
    expect(await screen.findByRole('heading', { name: 'Invitación enviada' })).toBeInTheDocument();
    expect(await bodyOf(calls, 'POST', '/api/staff/invitations')).toMatchObject({ regions: [] });
  });

  it('checks the DNI has 8 digits', async () => {
    stub();
    const user = userEvent.setup();
    renderPage(<InvitePage />);
    await fillValid(user);
    await user.clear(screen.getByRole('textbox', { name: 'DNI' }));
    await user.type(screen.getByRole('textbox', { name: 'DNI' }), '4123');
    await user.click(screen.getByRole('button', { name: 'Enviar invitación' }));
    expect(await screen.findByText('El DNI tiene 8 dígitos.')).toBeInTheDocument();
  });

  it('sends the invitation and confirms the e-mail went out, valid for 48 hours', async () => {
    const calls = stub();
    const user = userEvent.setup();
    renderPage(<InvitePage />);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Enviar invitación' }));

    expect(await screen.findByRole('heading', { name: 'Invitación enviada' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Enviamos la invitación a luis@regionpuno.gob.pe.');
    expect(screen.getByRole('status')).toHaveTextContent('48 horas');
    expect(await bodyOf(calls, 'POST', '/api/staff/invitations')).toEqual({
      fullName: 'Luis Condori Apaza', email: 'luis@regionpuno.gob.pe', roles: ['Specialist', 'Supervisor'], orgUnitId: agency.id,
      regions: ['PE-PUN'], dni: '41234567', phone: null,
    });
    expect(calls.find((call) => call.method === 'POST')?.headers.get('X-CSRF')).toBe('1');
  });

  it('shows the service’s “e-mail exists” conflict on the e-mail field, in Spanish', async () => {
    stub(() => json({ status: 409, title: 'Conflict / Conflicto', detail: 'An account with this email already exists. / Ya existe una cuenta con este correo.', field: 'email' }, 409));
    const user = userEvent.setup();
    renderPage(<InvitePage />);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Enviar invitación' }));

    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Correo electrónico' })).toHaveAccessibleDescription(expect.stringContaining('Ya existe una cuenta con este correo.')));
    expect(screen.getByRole('textbox', { name: 'Correo electrónico' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/An account/)).not.toBeInTheDocument();
  });

  it('shows the service’s refusal of regions on the regions group', async () => {
    stub(() => json({ status: 422, title: 'Unprocessable / No procesable', detail: 'Regions outside the institution. / Regiones fuera de la institución.', field: 'regions' }, 422));
    const user = userEvent.setup();
    renderPage(<InvitePage />);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Enviar invitación' }));

    expect(await within(screen.getByRole('group', { name: 'Regiones' })).findByText('Regiones fuera de la institución.')).toBeInTheDocument();
  });
});
