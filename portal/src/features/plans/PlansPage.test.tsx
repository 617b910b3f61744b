import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '../../shared/session/session';
import { json, renderPage, stubFetch } from '../../test/render';
import PlansPage from './PlansPage';
import { nationalProgramme, network, ownProgramme, page, summary, user } from './testData';

function open(roles: Role[], path = '/planes', items = [summary(), summary({ id: 'p2', title: 'Acopio nacional', programmeId: nationalProgramme().id })]) {
  const calls = stubFetch({
    'GET /bff/user': () => json(user(roles)),
    'GET /api/programmes': () => json(page([ownProgramme(), nationalProgramme()])),
    'GET /api/networks': () => json(page([network()])),
    'GET /api/business-plans': () => json(page(items, 41)),
  });
  renderPage(<PlansPage />, { path });
  return calls;
}

const lastQuery = (calls: Request[]) => new URL(calls.filter((c) => new URL(c.url).pathname === '/api/business-plans').at(-1)!.url).searchParams;

describe('the list of plans', () => {
  it('names networks and programmes, shows statuses in Spanish and money in soles', async () => {
    open(['Specialist']);
    const table = await screen.findByRole('table', { name: 'Planes de negocio' });
    const row = within(table).getByRole('row', { name: /Planta de secado de quinua/ });
    await within(row).findByText('Red Quinua Cabana');
    expect(within(row).getByText('Fondo Puno Emprende')).toBeInTheDocument();
    expect(within(row).getByText('Presentado')).toBeInTheDocument();
    expect(within(row).getByText(/S\/\s2,000\.00/)).toBeInTheDocument();
  });

  it('filters by status, network and programme, and pages', async () => {
    const calls = open(['Viewer']);
    await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByLabelText('Estado'), 'En ejecución');
    expect(lastQuery(calls).get('Status')).toBe('InExecution');
    await userEvent.selectOptions(await screen.findByLabelText('Red'), 'Red Quinua Cabana');
    expect(lastQuery(calls).get('Network')).toBe(network().id);
    await userEvent.selectOptions(screen.getByLabelText('Programa'), 'Procompite Andino');
    expect(lastQuery(calls).get('Programme')).toBe(nationalProgramme().id);
    await userEvent.click(await screen.findByRole('button', { name: 'Siguiente' }));
    expect(lastQuery(calls).get('Page')).toBe('2');
  });

  it('offers a new plan to those who may draft, not to viewers', async () => {
    open(['Viewer']);
    await screen.findByRole('table');
    expect(screen.queryByRole('link', { name: 'Nuevo plan de negocio' })).toBeNull();
  });

  it('says when nothing matches', async () => {
    open(['Specialist'], '/planes', []);
    expect(await screen.findByText('No hay planes con estos filtros.')).toBeInTheDocument();
  });
});

describe('the supervisor’s queue', () => {
  it('lists submitted plans; those on a national programme wait on the national desk and are not actionable', async () => {
    const calls = open(['Supervisor'], '/planes?vista=cola');
    const table = await screen.findByRole('table', { name: 'Planes presentados por decidir' });
    expect(lastQuery(calls).get('Status')).toBe('Submitted');
    const own = within(table).getByRole('row', { name: /Planta de secado de quinua/ });
    expect(within(own).getByRole('link', { name: 'Decidir el plan Planta de secado de quinua' })).toBeInTheDocument();
    const nationalRow = within(table).getByRole('row', { name: /Acopio nacional/ });
    expect(await within(nationalRow).findByText('Unidad nacional: en su mesa de revisión')).toBeInTheDocument();
    expect(within(nationalRow).queryByRole('link', { name: /Decidir/ })).toBeNull();
  });

  it('is only for supervisors and admins', async () => {
    open(['Specialist'], '/planes?vista=cola');
    await screen.findByRole('table', { name: 'Planes de negocio' });
    expect(screen.queryByRole('button', { name: 'Por decidir' })).toBeNull();
  });

  it('switches between all plans and the queue', async () => {
    const calls = open(['TenantAdmin']);
    await screen.findByRole('table', { name: 'Planes de negocio' });
    await userEvent.click(screen.getByRole('button', { name: 'Por decidir' }));
    expect(await screen.findByRole('table', { name: 'Planes presentados por decidir' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Por decidir' })).toHaveAttribute('aria-pressed', 'true');
    expect(lastQuery(calls).get('Status')).toBe('Submitted');
  });
});
