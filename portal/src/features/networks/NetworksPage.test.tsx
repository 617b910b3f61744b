import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../../test/render';
import type { Role } from '../../shared/session/session';
import NetworksPage from './NetworksPage';
import { network, page, specialistId, userWith } from './testData';

function stub(roles: Role[], items = [network()]) {
  return stubFetch({
    'GET /bff/user': () => json(userWith(roles)),
    'GET /api/networks': () => json(page(items)),
    'GET /api/specialists': () => json([{ id: 's2', fullName: 'Luis Condori', regions: ['PE-CAJ'], isTrained: true }]),
  });
}

describe('networks list', () => {
  it('lists networks with chain and region names, phase in Spanish, and filters through the API', async () => {
    const calls = stub(['Specialist']);
    const user = userEvent.setup();
    renderPage(<NetworksPage />, { path: '/redes' });
    const table = await screen.findByRole('table', { name: 'Redes empresariales' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('link', { name: 'Red Cuyes de Chota' })).toHaveAttribute('href', `/redes/${network().id}`);
    expect(within(row).getByText('Cuy')).toBeInTheDocument();
    expect(within(row).getByText('Cajamarca')).toBeInTheDocument();
    expect(within(row).getByText('1 · Promoción y selección')).toBeInTheDocument();
    expect(within(row).getByText('Usted')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Formar red' })).toHaveAttribute('href', '/redes/nueva');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Fase' }), '2 · Plan de negocio piloto');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Especialista' }), 'Mis redes');
    await user.type(screen.getByRole('searchbox', { name: /Buscar/ }), 'chota');
    await user.click(screen.getByRole('button', { name: 'Buscar' }));
    await waitFor(() => {
      const query = new URL(calls.filter((c) => c.url.includes('/api/networks')).at(-1)!.url).searchParams;
      expect(Object.fromEntries(query)).toEqual({ Page: '1', PageSize: '25', Phase: 'PilotBusinessPlan', Specialist: specialistId, Search: 'chota' });
    });
  });

  it('a viewer cannot form a network; an empty list says so', async () => {
    stub(['Viewer'], []);
    renderPage(<NetworksPage />, { path: '/redes' });
    expect(await screen.findByText('Su institución aún no tiene redes.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Formar red' })).not.toBeInTheDocument();
  });
});
