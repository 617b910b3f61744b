import { screen, within } from '@testing-library/react';
import { json, renderPage, stubFetch } from '../../test/render';
import NationalFiguresPage from './NationalFiguresPage';
import { nationalDashboard } from './testData';

function stubApi(national: () => Response = () => json(nationalDashboard())) {
  return stubFetch({
    'GET /api/reporting/national': national,
    'GET /geo/peru-regions.json': () => json({ width: 10, height: 10, regions: { 'PE-CUS': 'M0 0l1 0 0 1z', 'PE-TAC': 'M2 2l1 0 0 1z' } }),
  });
}

const render = () => renderPage(<NationalFiguresPage />, { path: '/nacional/cifras' });

describe('NationalFiguresPage', () => {
  it('explains the suppression rule with the thresholds the service applies', async () => {
    stubApi();
    render();
    const note = await screen.findByRole('heading', { name: 'Celdas suprimidas' });
    expect(note.parentElement).toHaveTextContent('menos de 5 productores o 3 redes');
    expect(note.parentElement).toHaveAttribute('id', 'suppression-note');
  });

  it('marks suppressed cells with the marker, says "suprimido" to screen readers and links to the rule', async () => {
    stubApi();
    render();
    const institutions = await screen.findByRole('table', { name: 'Por institución' });
    const small = within(institutions).getByRole('rowheader', { name: 'ONG Pequeña' }).closest('tr')!;
    const cells = within(small).getAllByRole('cell');
    expect(cells).toHaveLength(2);
    for (const cell of cells) {
      expect(within(cell).getByText('*')).toHaveAttribute('aria-hidden', 'true');
      expect(cell).toHaveTextContent('suprimido');
    }
    const big = within(institutions).getByRole('rowheader', { name: 'Agencia Agraria Cusco' }).closest('tr')!;
    expect(within(big).getAllByRole('cell')[0]).toHaveTextContent('2,398');
    const hint = within(institutions.closest('section')!).getByRole('link', { name: 'Hay celdas suprimidas: vea por qué' });
    expect(hint).toHaveAttribute('href', '#suppression-note');
  });

  it('never draws a suppressed value in a chart, and names chains from the national catalogue', async () => {
    stubApi();
    const { container } = render();
    const chart = await screen.findByRole('img', { name: 'Redes por cadena de valor. Cacao: 30; Quinua: suprimido; Trucha: suprimido.' });
    expect(chart.querySelectorAll('rect.bar')).toHaveLength(1);
    expect(container.querySelector('g[data-key="quinoa"] rect')).toBeNull();
    expect(within(screen.getByRole('table', { name: 'Por cadena de valor' })).getByRole('rowheader', { name: 'Trucha' })).toBeInTheDocument();
  });

  it('shows the key figures and links each national table to its CSV and Excel download', async () => {
    stubApi();
    render();
    const cards = within(await screen.findByRole('region', { name: 'Cifras clave' }));
    expect(cards.getByText('Productores').closest('li')).toHaveTextContent('2,400');
    expect(cards.getByText('Productores únicos').closest('li')).toHaveTextContent('2,390');
    expect(cards.getByText('Productores únicos').closest('li')).toHaveTextContent('Cada persona una vez, aunque la acompañen varias instituciones');
    expect(cards.getByText('Redes lideradas por mujeres').closest('li')).toHaveTextContent('27.5%');
    expect(screen.getByRole('link', { name: 'CSV · Por institución' })).toHaveAttribute('href', '/api/reporting/national/institutions.csv');
    expect(screen.getByRole('link', { name: 'Excel (.xlsx) · Por región' })).toHaveAttribute('href', '/api/reporting/national/regions.xlsx');
  });

  it('hatches suppressed regions on the map', async () => {
    stubApi();
    const { container } = render();
    await screen.findByRole('img', { name: 'Productores por región' });
    expect(container.querySelector('path[data-region="PE-TAC"]')).toHaveClass('map-level-suppressed');
    expect(container.querySelector('path[data-region="PE-CUS"]')).toHaveClass('map-level-5');
  });

  it('says when there are no national figures yet', async () => {
    const empty = nationalDashboard();
    empty.summary.total.values = empty.summary.total.values.map(() => 0);
    empty.tables = empty.tables.map((table) => ({ ...table, rows: [] }));
    stubApi(() => json(empty));
    render();
    expect(await screen.findByText(/Aún no hay cifras nacionales/)).toBeInTheDocument();
  });

  it('tells a caller the service refuses that the role may not see it', async () => {
    stubApi(() => json({ status: 403 }, 403));
    render();
    expect(await screen.findByText('Su rol no permite ver esta página.')).toBeInTheDocument();
  });
});
