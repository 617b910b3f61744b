import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../../../test/render';
import { agency, lastQuery, page, summary, tenant, units } from '../testData';
import StaffListPage from './StaffListPage';

function show(list: (request: Request) => Response = () => json(page([summary()])), path = '/personal') {
  const calls = stubFetch({
    'GET /api/staff': list,
    'GET /api/tenants/current': () => json(tenant),
    'GET /api/org-units': () => json(page(units)),
  });
  renderPage(<StaffListPage />, { path });
  return calls;
}

describe('the staff list', () => {
  it('lists people with their roles, unit and badges, each linked to their page', async () => {
    show(() => json(page([summary(), summary({ id: '20000000-0000-7000-8000-000000000002', fullName: 'Luis Condori', isActive: false, invitationPending: true, roles: ['Supervisor', 'Viewer'] })])));
    const table = await screen.findByRole('table', { name: 'Personal de la institución' });
    const luis = within(table).getByRole('rowheader', { name: /Luis Condori/ });
    expect(within(luis).getByRole('link', { name: 'Luis Condori' })).toHaveAttribute('href', '/personal/20000000-0000-7000-8000-000000000002');
    expect(within(luis).getByText('Inactiva')).toBeInTheDocument();
    expect(within(luis).getByText('Invitación pendiente')).toBeInTheDocument();
    const rosa = within(table).getByRole('rowheader', { name: 'Rosa Quispe Mamani' });
    expect(within(rosa).queryByText('Inactiva')).not.toBeInTheDocument();
    expect(within(table).getByText('Supervisor, Lector')).toBeInTheDocument();
    expect(await within(table).findAllByText(agency.name)).toHaveLength(2);
  });

  it('searches by name, e-mail or DNI and sends the words as Search', async () => {
    const calls = show();
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.type(screen.getByRole('searchbox', { name: 'Buscar' }), '41234567');
    await user.click(screen.getByRole('button', { name: 'Buscar' }));

    await waitFor(() => expect(lastQuery(calls, '/api/staff')).toEqual({ Page: '1', PageSize: '25', Search: '41234567' }));
  });

  it('sends each filter as its query parameter', async () => {
    const calls = show();
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rol' }), 'Especialista');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unidad orgánica' }), agency.name);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Región' }), 'Cusco');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Estado' }), 'Inactivas');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Capacitación' }), 'Sin capacitación aprobada');

    await waitFor(() =>
      expect(lastQuery(calls, '/api/staff')).toEqual({
        Page: '1', PageSize: '25', Role: 'Specialist', OrgUnitId: agency.id, Region: 'PE-CUS', Active: 'false', Trained: 'false',
      }),
    );
  });

  it('keeps the filters in the address and asks for the next page', async () => {
    const calls = show(() => json({ ...page([summary()], 60), totalPages: 3 }), '/personal?role=Supervisor&active=true');
    const user = userEvent.setup();
    expect(await screen.findByRole('combobox', { name: 'Rol' })).toHaveValue('Supervisor');
    await user.click(await screen.findByRole('button', { name: 'Siguiente' }));
    await waitFor(() => expect(lastQuery(calls, '/api/staff')).toEqual({ Page: '2', PageSize: '25', Role: 'Supervisor', Active: 'true' }));
  });

  it('tells an empty institution from a search that matches nobody', async () => {
    show(() => json(page([])));
    expect(await screen.findByText('Su institución aún no tiene personal registrado. Invite a la primera persona.')).toBeInTheDocument();
  });

  it('says when nobody matches the filters', async () => {
    show(() => json(page([])), '/personal?trained=true');
    expect(await screen.findByText('Nadie coincide con la búsqueda o los filtros.')).toBeInTheDocument();
  });

  it('shows the error with a retry when the service fails', async () => {
    let fail = true;
    show(() => (fail ? json({ status: 503, title: 'Unavailable' }, 503) : json(page([summary()]))));
    const user = userEvent.setup();
    expect(await screen.findByText('El servicio no está disponible por el momento; intente en unos minutos.')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Reintentar' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('says so when the role may not see the staff', async () => {
    show(() => json({ status: 403, title: 'Forbidden' }, 403));
    expect(await screen.findByText('Su rol no permite ver esta página.')).toBeInTheDocument();
  });
});
