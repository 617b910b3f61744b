import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../../test/render';
import ProducersListPage from './ProducersListPage';
import { lastQuery, page, placeRoutes, specialistId, summary, userWith } from './testData';

function show(roles: string[], path = '/productores', list: () => Response = () => json(page([summary(), summary({ id: 'p2', firstNames: 'Juan', lastNames: 'Mamani', gender: 'Male', isActive: false })]))) {
  const calls = stubFetch({ ...placeRoutes, 'GET /bff/user': () => json(userWith(roles)), 'GET /api/producers': list });
  renderPage(<ProducersListPage />, { path });
  return calls;
}

describe('the producer list', () => {
  it('lists producers with their DNI and district, linked to their page', async () => {
    show(['Viewer']);
    const table = await screen.findByRole('table', { name: 'Productores de la institución' });
    expect(within(table).getByRole('link', { name: 'Rosa Quispe Mamani' })).toHaveAttribute('href', `/productores/${summary().id}`);
    expect(within(table).getAllByText('41234567')).toHaveLength(2);
    expect(within(within(table).getByRole('rowheader', { name: /Juan Mamani/ })).getByText('Inactivo')).toBeInTheDocument();
    expect(await within(table).findAllByText('Juliaca, Puno')).toHaveLength(2);
  });

  it('sends the search (name or DNI) as Search', async () => {
    const calls = show(['Specialist']);
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.type(screen.getByRole('searchbox', { name: 'Buscar' }), 'huaman');
    await user.click(screen.getByRole('button', { name: 'Buscar' }));
    await waitFor(() => expect(lastQuery(calls, '/api/producers')).toEqual({ Page: '1', PageSize: '25', Search: 'huaman' }));
  });

  it('sends each filter as its query parameter and the export carries them', async () => {
    const calls = show(['Specialist']);
    const user = userEvent.setup();
    await screen.findByRole('table');
    await within(screen.getByRole('combobox', { name: 'Departamento' })).findByRole('option', { name: 'Puno' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Departamento' }), 'Puno');
    await within(screen.getByRole('combobox', { name: 'Distrito' })).findByRole('option', { name: 'Juliaca (San Román)' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Distrito' }), 'Juliaca (San Román)');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sexo' }), 'Mujer');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Cadena de valor (redes actuales)' }), 'Cuy');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Estado' }), 'Activos');

    await waitFor(() =>
      expect(lastQuery(calls, '/api/producers')).toEqual({
        Page: '1', PageSize: '25', Region: 'PE-PUN', District: '211101', Gender: 'Female', Chain: 'cuy', Active: 'true',
      }),
    );
    expect(screen.getByRole('link', { name: 'Exportar productores en CSV' })).toHaveAttribute(
      'href', '/api/producers/export?format=csv&Region=PE-PUN&District=211101&Gender=Female&Chain=cuy&Active=true',
    );
  });

  it('asks for the next page', async () => {
    const calls = show(['Viewer'], '/productores?q=rosa', () => json({ ...page([summary()], 60), totalPages: 3 }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Siguiente' }));
    await waitFor(() => expect(lastQuery(calls, '/api/producers')).toEqual({ Page: '2', PageSize: '25', Search: 'rosa' }));
  });

  it('offers register, import and export only to the roles that may', async () => {
    show(['Viewer']);
    await screen.findByRole('table');
    expect(screen.queryByRole('link', { name: 'Registrar productor' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Exportar productores en CSV' })).not.toBeInTheDocument();
  });

  it('offers them to a specialist', async () => {
    show(['Specialist']);
    expect(await screen.findByRole('link', { name: 'Registrar productor' })).toHaveAttribute('href', '/productores/nuevo');
    expect(screen.getByRole('link', { name: 'Importar productores' })).toHaveAttribute('href', '/productores/importar');
    expect(screen.getByRole('link', { name: 'Exportar productores en XLSX' })).toHaveAttribute('href', '/api/producers/export?format=xlsx');
  });

  it('tells an empty institution what to do, and a search without results', async () => {
    show(['Specialist'], '/productores', () => json(page([])));
    expect(await screen.findByText('Aún no hay productores registrados. Registre al primero o importe una lista.')).toBeInTheDocument();
  });

  it('says when nobody matches', async () => {
    show(['Viewer'], '/productores?active=false', () => json(page([])));
    expect(await screen.findByText('Ningún productor coincide con la búsqueda o los filtros.')).toBeInTheDocument();
  });
});

describe('registrations waiting on this device', () => {
  it('are listed by name as waiting to be sent, not as links to open or edit', async () => {
    const { freshDatabase } = await import('../../shared/offline/testing');
    const { enqueue } = await import('../../shared/offline/queue');
    await freshDatabase();
    await enqueue(specialistId, {
      method: 'POST', path: '/api/producers', body: { dni: '41234599' },
      label: { key: 'offline:label.registerProducer', values: { name: 'Juana Ccori Huamán' } }, entity: { kind: 'producer' },
    });
    show(['Specialist']);
    const waiting = await screen.findByRole('region', { name: 'Productores registrados en este dispositivo, pendientes de envío' });
    expect(within(waiting).getByRole('listitem')).toHaveTextContent('Juana Ccori Huamán — pendiente');
    expect(within(waiting).queryByRole('link', { name: /Juana/ })).not.toBeInTheDocument();
    expect(within(screen.getByRole('table')).queryByText(/Juana/)).not.toBeInTheDocument();
  });
});
