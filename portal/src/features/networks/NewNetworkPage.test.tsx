import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../../test/render';
import NewNetworkPage from './NewNetworkPage';
import { network, page, producer, specialistId, userWith } from './testData';

const producers = [producer('p1', 'Juana', 'Quispe'), producer('p2', 'Pedro', 'Mamani'), producer('p3', 'Flor', 'Ccori')];

function stub(post: () => Response = () => json(network(), 201)) {
  return stubFetch({
    'GET /bff/user': () => json(userWith(['Specialist'])),
    'GET /api/producers': (request) => {
      const search = new URL(request.url).searchParams.get('Search')?.toLowerCase();
      return json(page(producers.filter((p) => !search || `${p.firstNames} ${p.lastNames}`.toLowerCase().includes(search))));
    },
    'POST /api/networks': post,
  });
}

describe('forming a network', () => {
  it('chooses members by keyboard from the producers, a leader among them, and sends the formation', async () => {
    const calls = stub();
    const user = userEvent.setup();
    renderPage(<NewNetworkPage />, { path: '/redes/nueva' });
    await user.type(await screen.findByRole('textbox', { name: /Nombre de la red/ }), 'Red Cuyes de Chota');
    await user.selectOptions(screen.getByRole('combobox', { name: /Cadena de valor/ }), 'Cuy');
    await user.selectOptions(screen.getByRole('combobox', { name: /Región/ }), 'Cajamarca');
    const results = await screen.findByRole('list', { name: 'Productores encontrados' });
    expect(within(results).queryByText(/40000000/)).not.toBeInTheDocument();
    await user.click(within(results).getByRole('checkbox', { name: /Juana Quispe/ }));
    await user.type(screen.getByRole('searchbox', { name: 'Buscar productores' }), 'mamani');
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: /Flor Ccori/ })).not.toBeInTheDocument());
    const filtered = screen.getByRole('list', { name: 'Productores encontrados' });
    within(filtered).getByRole('checkbox', { name: /Pedro Mamani/ }).focus();
    await user.keyboard(' ');
    expect(screen.getByText('2 productores elegidos')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: /Líder/ }), 'Pedro Mamani');
    await user.click(screen.getByRole('button', { name: 'Formar la red' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.json()).toEqual({
      name: 'Red Cuyes de Chota', valueChainCode: 'cuy', regionCode: 'PE-CAJ', specialistId, memberIds: ['p1', 'p2'],
      leaderProducerId: 'p2', formedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), legalForm: 'Informal', ruc: null,
    });
  }, 20_000);

  it('says what is missing and sends nothing', async () => {
    const calls = stub();
    const user = userEvent.setup();
    renderPage(<NewNetworkPage />, { path: '/redes/nueva' });
    await user.click(await screen.findByRole('button', { name: 'Formar la red' }));
    expect(await screen.findByText('Elija al menos un miembro.')).toBeInTheDocument();
    expect(screen.getByText('Elija al líder entre los miembros.')).toBeInTheDocument();
    expect(screen.getByText('Escriba entre 3 y 200 caracteres.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('shows the server’s refusal beside the field it names', async () => {
    stub(() => json({ title: 'Conflict', status: 409, field: 'name', detail: 'Your institution already has a network with this name. / Su institución ya tiene una red con este nombre.' }, 409));
    const user = userEvent.setup();
    renderPage(<NewNetworkPage />, { path: '/redes/nueva' });
    await user.type(await screen.findByRole('textbox', { name: /Nombre de la red/ }), 'Red Repetida');
    await user.selectOptions(screen.getByRole('combobox', { name: /Cadena de valor/ }), 'Cuy');
    await user.selectOptions(screen.getByRole('combobox', { name: /Región/ }), 'Cajamarca');
    await user.click(await screen.findByRole('checkbox', { name: /Juana Quispe/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: /Líder/ }), 'Juana Quispe');
    await user.click(screen.getByRole('button', { name: 'Formar la red' }));
    expect(await screen.findByText('Su institución ya tiene una red con este nombre.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Nombre de la red/ })).toHaveAttribute('aria-invalid', 'true');
  });
});
