import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen } from '@testing-library/react';
import { json, renderPage, stubFetch } from '../../test/render';
import { buildRegionsMap } from '../../../scripts/regions-map.mjs';
import i18n, { changeLanguage } from '../../shared/i18n/i18n';
import { RegionMap } from './RegionMap';
import { mapScale } from './mapScale';
import { row, table } from './testData';

// Vitest runs in portal/.
const file = (path: string) => readFileSync(resolve(process.cwd(), path), 'utf8');
const committedMap = JSON.parse(file('public/geo/peru-regions.json')) as { regions: Record<string, string> };

const regions = table(
  'regions',
  'region',
  ['producers'],
  [row('PE-LMA', [1000]), row('PE-LIM', [150]), row('PE-CUS', [610]), row('PE-TAC', [null], ['producers'])],
  row('total', [1760]),
);

/** A region's shape on the map (its name and figure are in its <title>, shown on hover). */
const shape = (code: string) => document.querySelector(`path[data-region="${code}"]`)!;

function renderMap() {
  stubFetch({ 'GET /geo/peru-regions.json': () => json(committedMap) });
  return renderPage(<RegionMap table={regions} columnKey="producers" title={i18n.t('dashboard:map.producersTitle')} tableId="report-regions" />);
}

describe('RegionMap', () => {
  it('draws Lima Metropolitana and Lima Provincias as separate shapes, with their names', async () => {
    renderMap();
    await screen.findByRole('img', { name: 'Productores por región' });
    const metropolitana = shape('PE-LMA');
    const provincias = shape('PE-LIM');
    expect(metropolitana).not.toBe(provincias);
    expect(metropolitana.querySelector('title')).toHaveTextContent('Lima Metropolitana: 1,000 productores');
    expect(provincias.querySelector('title')).toHaveTextContent('Lima Provincias: 150 productores');
    expect(metropolitana.getAttribute('d')).not.toBe(provincias.getAttribute('d'));
    expect(shape('PE-CAL').querySelector('title')).toHaveTextContent('Callao: 0 productores');
    expect(document.querySelectorAll('path[data-region]')).toHaveLength(26);
  });

  it('colours each region by the class of its value, with a legend of the classes', async () => {
    renderMap();
    await screen.findByRole('img', { name: 'Productores por región' });
    const classOf = (code: string) => shape(code).getAttribute('class');
    expect(classOf('PE-LMA')).toContain('map-level-5');
    expect(classOf('PE-CUS')).toContain('map-level-4');
    expect(classOf('PE-LIM')).toContain('map-level-1');
    expect(classOf('PE-AMA')).toContain('map-level-none');
    expect(classOf('PE-TAC')).toContain('map-level-suppressed');
    expect(shape('PE-TAC').querySelector('title')).toHaveTextContent('Tacna: * suprimido productores');
    const legend = screen.getByRole('list', { name: 'Leyenda del mapa' });
    expect(legend).toHaveTextContent('1 a 200');
    expect(legend).toHaveTextContent('801 a 1,000');
    expect(legend).toHaveTextContent('* suprimido');
  });

  it('names the figure, links to the region table and credits the boundaries (CC BY 4.0)', async () => {
    renderMap();
    expect(await screen.findByRole('img', { name: 'Productores por región' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ver las mismas cifras en la tabla por región' })).toHaveAttribute('href', '#report-regions');
    expect(
      screen.getByText(/Límites: Instituto Nacional de Estadística e Informática \(INEI\), IDE-INEI, actualización 2023 – CC BY 4.0/),
    ).toHaveTextContent(/subconjunto/);
    expect(screen.getByRole('link', { name: 'Licencia y fuente' })).toHaveAttribute('href', '/geo/LICENSE.txt');
  });

  it('credits the boundaries in English when the page is in English', async () => {
    await changeLanguage('en');
    try {
      renderMap();
      expect(await screen.findByRole('img', { name: 'Producers by region' })).toBeInTheDocument();
      expect(screen.getByText(/Boundaries: National Institute of Statistics and Informatics \(INEI\), IDE-INEI, 2023 update – CC BY 4.0/)).toHaveTextContent(/subset/);
      expect(shape('PE-LMA').querySelector('title')).toHaveTextContent('Lima Metropolitana: 1,000 producers');
    } finally {
      await changeLanguage('es');
    }
  });

  it('keeps the table as the equivalent when the outlines cannot be loaded', async () => {
    stubFetch({ 'GET /geo/peru-regions.json': () => new Response('', { status: 503 }) });
    renderPage(<RegionMap table={regions} columnKey="producers" title="Productores por región" tableId="report-regions" />);
    expect(await screen.findByText(/No se pudo cargar el mapa/)).toBeInTheDocument();
  });
});

describe('mapScale', () => {
  it('puts zero apart and splits 1..max into five equal classes', () => {
    const scale = mapScale([0, 1, 50, 100]);
    expect([0, 1, 20, 21, 100].map(scale.levelOf)).toEqual(['none', 1, 1, 2, 5]);
    expect(scale.ranges.map((r) => [r.from, r.to])).toEqual([[1, 20], [21, 40], [41, 60], [61, 80], [81, 100]]);
  });
});

describe('the committed region outlines', () => {
  it('are what scripts/build-map.mjs makes of the INEI files in geo/ (26 regions, Lima split in two)', () => {
    const built = buildRegionsMap(JSON.parse(file('geo/peru-departamentos.geojson')), JSON.parse(file('geo/peru-lima-provincias.geojson')));
    expect(built).toEqual(committedMap);
    expect(Object.keys(built.regions)).toHaveLength(26);
    expect(built.regions['PE-LIM']!.match(/M/g)).toHaveLength(1);
    expect(file('public/geo/LICENSE.txt')).toContain('CC BY 4.0');
  });
});
