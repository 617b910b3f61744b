import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import DashboardPage from './DashboardPage';
import { emptyTenantDashboard, series, tenantDashboard } from './testData';

const chains = [
  { code: 'coffee', nameEs: 'Café', nameEn: 'Coffee', national: true },
  { code: 'cacao', nameEs: 'Cacao', nameEn: 'Cocoa', national: true },
];

function Address() {
  const location = useLocation();
  return <output aria-label="dirección">{location.search}</output>;
}

function stubApi(dashboard: () => Response = () => json(tenantDashboard())) {
  return stubFetch({
    'GET /api/reporting/dashboard': dashboard,
    'GET /api/reporting/dashboard/series': () => json(series()),
    'GET /api/value-chains': () => json(chains),
    'GET /geo/peru-regions.json': () => json({ width: 10, height: 10, regions: { 'PE-LMA': 'M0 0l1 0 0 1z', 'PE-LIM': 'M2 2l1 0 0 1z' } }),
  });
}

const dashboardCalls = (calls: Request[]) => calls.filter((call) => new URL(call.url).pathname === '/api/reporting/dashboard').map((call) => new URL(call.url).search);

function render(path = '/panel') {
  return renderPage(
    <>
      <DashboardPage />
      <Address />
    </>,
    { path },
  );
}

describe('DashboardPage', () => {
  it('shows the key figures formatted, in cards', async () => {
    stubApi();
    render();
    await screen.findByRole('region', { name: 'Cifras clave' });
    const cards = within(screen.getByRole('region', { name: 'Cifras clave' }));
    const card = (label: string) => cards.getByText(label).closest('li')!;
    expect(card('Productores')).toHaveTextContent('1,543');
    expect(cards.queryByText('Productores únicos')).toBeNull(); // a national figure only
    expect(card('Redes')).toHaveTextContent('12');
    expect(card('Redes lideradas por mujeres')).toHaveTextContent('41.7%');
    expect(card('Redes lideradas por mujeres')).toHaveTextContent('5 redes');
    expect(card('Especialistas capacitados')).toHaveTextContent('9de 14 especialistas');
    expect(card('Fondos del programa aprobados')).toHaveTextContent('S/ 1,024,000.00');
    expect(card('Aporte de las redes aprobado')).toHaveTextContent('S/ 256,000.00');
    expect(card('Aporte de las redes aprobado')).toHaveTextContent('Participación en el total cofinanciado: 20%');
    expect(screen.getByRole('heading', { level: 1, name: 'Panel de la institución' })).toBeInTheDocument();
    expect(screen.getByText('Agencia Agraria Cusco')).toBeInTheDocument();
  });

  it('names regions, chains and phases in Spanish in the tables and charts', async () => {
    stubApi();
    render();
    const byChain = await screen.findByRole('table', { name: 'Por cadena de valor' });
    expect(within(byChain).getByRole('rowheader', { name: 'Cacao' })).toBeInTheDocument();
    expect(within(byChain).getByRole('rowheader', { name: 'Café' })).toBeInTheDocument();
    const byPhase = screen.getByRole('table', { name: 'Por fase' });
    expect(within(byPhase).getByRole('rowheader', { name: '2 · Plan de negocio piloto' })).toBeInTheDocument();
    const byRegion = screen.getByRole('table', { name: 'Por región' });
    expect(within(byRegion).getByRole('rowheader', { name: 'Lima Provincias' })).toBeInTheDocument();
    expect(within(byRegion).getByRole('columnheader', { name: 'Productores' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Redes por cadena de valor. Cacao: 8; Café: 4.' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Serie mensual' })).toBeInTheDocument();
  });

  it('sends the filters in the address, and shows them chosen', async () => {
    const calls = stubApi();
    render('/panel?region=PE-CUS&phase=2&from=2025-01&to=2025-06');
    await screen.findByRole('region', { name: 'Cifras clave' });
    const sent = new URL(calls.find((call) => new URL(call.url).pathname === '/api/reporting/dashboard')!.url).searchParams;
    expect(Object.fromEntries(sent)).toEqual({ Region: 'PE-CUS', Phase: '2', From: '2025-01', To: '2025-06' });
    const series = new URL(calls.find((call) => new URL(call.url).pathname === '/api/reporting/dashboard/series')!.url).searchParams;
    expect(Object.fromEntries(series)).toEqual({ Region: 'PE-CUS', Phase: '2', From: '2025-01', To: '2025-06' });
    expect(screen.getByLabelText('Región')).toHaveValue('PE-CUS');
    expect(screen.getByLabelText('Fase')).toHaveValue('2');
    expect(screen.getByLabelText('Desde (mes)')).toHaveValue('2025-01');
    expect(await screen.findByRole('link', { name: 'CSV · Por región' })).toHaveAttribute(
      'href',
      '/api/reporting/dashboard/regions.csv?Region=PE-CUS&Phase=2&From=2025-01&To=2025-06',
    );
    expect(screen.getByRole('link', { name: 'Excel (.xlsx) · Por región' })).toHaveAttribute(
      'href',
      '/api/reporting/dashboard/regions.xlsx?Region=PE-CUS&Phase=2&From=2025-01&To=2025-06',
    );
  });

  it('puts applied filters in the address and asks again; clearing them asks for everything', async () => {
    const user = userEvent.setup();
    const calls = stubApi();
    render();
    await screen.findByRole('region', { name: 'Cifras clave' });
    await screen.findByRole('option', { name: 'Cacao' });

    await user.selectOptions(screen.getByLabelText('Cadena de valor'), 'Cacao');
    await user.selectOptions(screen.getByLabelText('Región'), 'Lima Metropolitana');
    await user.type(screen.getByLabelText('Desde (mes)'), '2025-03');
    await user.click(screen.getByRole('button', { name: 'Aplicar filtros' }));

    expect(screen.getByRole('status', { name: 'dirección' })).toHaveTextContent('?region=PE-LMA&chain=cacao&from=2025-03');
    await waitFor(() => expect(dashboardCalls(calls)).toHaveLength(2));
    const last = new URL(calls.filter((call) => new URL(call.url).pathname === '/api/reporting/dashboard').at(-1)!.url).searchParams;
    expect(Object.fromEntries(last)).toEqual({ Region: 'PE-LMA', Chain: 'cacao', From: '2025-03' });

    await user.click(screen.getByRole('button', { name: 'Limpiar filtros' }));
    expect(screen.getByRole('status', { name: 'dirección' })).toBeEmptyDOMElement();
    await waitFor(() => expect(dashboardCalls(calls).at(-1)).toBe(''));
    expect(screen.getByLabelText('Cadena de valor')).toHaveValue('');
  });

  it('refuses a period that ends before it starts, without asking the server', async () => {
    const user = userEvent.setup();
    const calls = stubApi();
    render();
    await screen.findByRole('region', { name: 'Cifras clave' });
    await user.type(screen.getByLabelText('Desde (mes)'), '2025-06');
    await user.type(screen.getByLabelText(/Hasta \(mes\)/), '2025-01');
    await user.click(screen.getByRole('button', { name: 'Aplicar filtros' }));
    expect(screen.getByText('El periodo termina antes de empezar.')).toBeInTheDocument();
    expect(dashboardCalls(calls)).toEqual(['']);
  });

  it('tells a new institution it has no data yet', async () => {
    stubApi(() => json(emptyTenantDashboard()));
    render();
    expect(await screen.findByText(/Su institución aún no tiene datos/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Cifras clave' })).toBeNull();
  });

  it('says so when the filters match nothing', async () => {
    stubApi(() => json(emptyTenantDashboard()));
    render('/panel?chain=cacao');
    expect(await screen.findByText('No hay cifras para estos filtros. Pruebe con otros o límpielos.')).toBeInTheDocument();
  });

  it('shows the server being unavailable, with a retry', async () => {
    stubApi(() => json({ title: 'Error' }, 503));
    render();
    expect(await screen.findByText('El servicio no está disponible por el momento; intente en unos minutos.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reintentar' })).toBeInTheDocument();
  });

  it('shows a filter the server refused, in Spanish', async () => {
    stubApi(() => json({ status: 400, title: 'Bad request', errors: { region: ['Unknown region PE-XXX. / Región desconocida PE-XXX.'] } }, 400));
    render('/panel?region=PE-XXX');
    expect(await screen.findByText('Región desconocida PE-XXX.')).toBeInTheDocument();
  });
});

