import { screen, within } from '@testing-library/react';
import { json, renderPage, stubFetch } from '../../test/render';
import type { MyWork, PlanSummary } from './api';
import MyWorkPage from './MyWorkPage';

const user = (roles: string[]) => ({ id: 'u1', name: 'Luis', email: 'l@x.pe', roles, tenant: { id: 't', slug: 's', name: 'GORE' }, language: 'es' });
const networkId = '50000000-0000-7000-8000-000000000001';

const work = (overrides: Partial<MyWork> = {}): MyWork => ({
  networks: [
    { id: networkId, name: 'Cuyes de Cabanillas', valueChainCode: 'cuy', region: 'PE-PUN', phase: 'PilotBusinessPlan', specialistName: 'Luis Condori', memberCount: 12, monitoringDueFor: '2026-04', membersWithoutConsentDate: 2 },
    { id: 'n2', name: 'Quinua Acora', valueChainCode: 'quinoa', region: 'PE-PUN', phase: 'Preparation', specialistName: 'Ana Ccori', memberCount: 8, monitoringDueFor: null, membersWithoutConsentDate: 0 },
  ],
  producers: { total: 1250, withoutConsentDate: 3 },
  recent: [
    { at: '2026-05-02T15:30:00Z', kind: 'ProducerRegistered', networkId: null, networkName: null, producerId: 'p1', producerName: 'Rosa Quispe' },
    { at: '2026-05-01T13:00:00Z', kind: 'PhaseAdvanced', networkId, networkName: 'Cuyes de Cabanillas', producerId: null, producerName: null },
  ],
  ...overrides,
});

const plan = (overrides: Partial<PlanSummary> = {}): PlanSummary => ({
  id: 'plan1', title: 'Galpón de cuyes', networkId, programmeId: 'pr', status: 'Returned', totalPen: 1000, programmeFundsPen: 800, networkContributionPen: 200, disbursedPen: 0, ...overrides,
});

function show(roles: string[], mine: MyWork = work(), plans: PlanSummary[] = [plan(), plan({ id: 'other', title: 'Ajeno', networkId: 'not-mine' })]) {
  const calls = stubFetch({
    'GET /bff/user': () => json(user(roles)),
    'GET /api/networks/my-work': () => json(mine),
    'GET /api/business-plans': () => json({ items: plans, pageNumber: 1, pageSize: 200, totalCount: plans.length }),
  });
  renderPage(<MyWorkPage />, { path: '/mi-trabajo' });
  return calls;
}

describe('my work', () => {
  it('lists what is due with links: monitoring of last month, plans returned (mine only), members without a consent date', async () => {
    const calls = show(['Specialist']);
    const due = (await screen.findByRole('heading', { name: 'Pendientes' })).closest('section')!;
    expect(within(due).getByRole('link', { name: 'Falta el monitoreo de abril de 2026 de la red Cuyes de Cabanillas' })).toHaveAttribute('href', `/redes/${networkId}/monitoreo`);
    expect(await within(due).findByRole('link', { name: 'El plan «Galpón de cuyes» de la red Cuyes de Cabanillas fue devuelto para corregirlo' })).toHaveAttribute('href', '/planes/plan1');
    expect(within(due).queryByText(/Ajeno/)).not.toBeInTheDocument();
    expect(within(due).getByRole('link', { name: '2 miembros de la red Cuyes de Cabanillas no tienen fecha de consentimiento' })).toHaveAttribute('href', `/redes/${networkId}`);
    expect(new URL(calls.find((c) => c.url.includes('business-plans'))!.url).searchParams.get('Status')).toBe('Returned');
  });

  it('shows my networks with their phase in Spanish, my producers’ totals and recent activity', async () => {
    show(['Specialist']);
    const table = await screen.findByRole('table', { name: 'Mis redes' });
    const row = within(table).getByRole('row', { name: /Cuyes de Cabanillas/ });
    expect(within(row).getByText('2 · Plan de negocio piloto')).toBeInTheDocument();
    expect(await within(row).findByText('Cuy')).toBeInTheDocument();
    expect(within(row).getByText('Falta abril de 2026')).toBeInTheDocument();
    expect(within(table).queryByRole('columnheader', { name: 'Especialista' })).not.toBeInTheDocument();
    expect(screen.getByText('1,250')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Registrar productor' })).toHaveAttribute('href', '/productores/nuevo');
    expect(screen.getByRole('link', { name: 'Se registró a Rosa Quispe' })).toHaveAttribute('href', '/productores/p1');
    expect(screen.getByRole('link', { name: 'La red Cuyes de Cabanillas avanzó de fase' })).toHaveAttribute('href', `/redes/${networkId}`);
  });

  it('shows a supervisor the team’s networks with each specialist', async () => {
    show(['Supervisor']);
    const table = await screen.findByRole('table', { name: 'Redes del equipo' });
    expect(within(table).getByRole('columnheader', { name: 'Especialista' })).toBeInTheDocument();
    expect(within(table).getByText('Ana Ccori')).toBeInTheDocument();
  });

  it('tells a new specialist what to do first', async () => {
    show(['Specialist'], { networks: [], producers: { total: 0, withoutConsentDate: 0 }, recent: [] }, []);
    expect(await screen.findByRole('heading', { name: 'Para empezar' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Registre a los productores que acompaña' })).toHaveAttribute('href', '/productores/nuevo');
    expect(screen.getByRole('link', { name: 'Forme una red empresarial con ellos' })).toHaveAttribute('href', '/redes/nueva');
    expect(screen.queryByRole('heading', { name: 'Pendientes' })).not.toBeInTheDocument();
  });

  it('says when nothing is due', async () => {
    show(['Specialist'], work({ networks: [{ ...work().networks[1]! }] }), []);
    expect(await screen.findByText('No hay nada pendiente. ¡Buen trabajo!')).toBeInTheDocument();
  });

  it('shows the error with a retry when the service fails', async () => {
    stubFetch({
      'GET /bff/user': () => json(user(['Specialist'])),
      'GET /api/networks/my-work': () => json({ status: 503 }, 503),
      'GET /api/business-plans': () => json({ items: [], pageNumber: 1, pageSize: 200, totalCount: 0 }),
    });
    renderPage(<MyWorkPage />, { path: '/mi-trabajo' });
    expect(await screen.findByText('El servicio no está disponible por el momento; intente en unos minutos.')).toBeInTheDocument();
  });
});
