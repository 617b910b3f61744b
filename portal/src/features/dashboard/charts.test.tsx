import { screen, within } from '@testing-library/react';
import { formatInteger } from '../../shared/format/format';
import { renderPage } from '../../test/render';
import { BarChart } from './BarChart';
import { MonthlySeries } from './MonthlySeries';
import { ShareBar } from './ShareBar';
import type { Datum } from './types';

const datum = (key: string, value: number | null, suppressed = false): Datum => ({ key, label: key, value, suppressed });

function barsOf(svg: Element) {
  return Array.from(svg.querySelectorAll('rect.bar')).map((rect) => Number(rect.getAttribute('width') ?? rect.getAttribute('height')));
}

describe('BarChart', () => {
  it('draws bars proportional to the values', () => {
    const { container } = renderPage(<BarChart title="Redes por cadena de valor" data={[datum('Cacao', 8), datum('Café', 4), datum('Quinua', 2)]} format={formatInteger} />);
    const widths = Array.from(container.querySelectorAll('rect.bar')).map((rect) => Number(rect.getAttribute('width')));
    expect(widths).toHaveLength(3);
    expect(widths[0]! / widths[1]!).toBeCloseTo(2);
    expect(widths[0]! / widths[2]!).toBeCloseTo(4);
  });

  it('has a caption and a text alternative with every value', () => {
    renderPage(<BarChart title="Redes por fase" data={[datum('1 · Promoción y selección', 3), datum('2 · Plan de negocio piloto', 1543)]} format={formatInteger} />);
    const caption = screen.getByText('Redes por fase');
    expect(caption.tagName).toBe('FIGCAPTION');
    expect(caption.closest('figure')).toContainElement(screen.getByRole('img'));
    expect(screen.getByRole('img', { name: 'Redes por fase. 1 · Promoción y selección: 3; 2 · Plan de negocio piloto: 1,543.' })).toBeInTheDocument();
  });

  it('draws no bar for a suppressed value, and says it is suppressed', () => {
    const { container } = renderPage(
      <BarChart title="Redes por cadena de valor" data={[datum('Cacao', 30), datum('Quinua', null, true)]} format={formatInteger} />,
    );
    const quinoa = container.querySelector('g[data-key="Quinua"]')!;
    expect(quinoa.querySelector('rect')).toBeNull();
    expect(quinoa).toHaveTextContent('* suprimido');
    expect(container.querySelectorAll('rect.bar')).toHaveLength(1);
    expect(screen.getByRole('img', { name: /Quinua: suprimido/ })).toBeInTheDocument();
    expect(screen.getByText(/la barra no se dibuja/)).toBeInTheDocument();
  });
});

describe('MonthlySeries', () => {
  it('draws columns proportional to the months and names every month in its text alternative', () => {
    const { container } = renderPage(
      <MonthlySeries title="Productores registrados por mes" data={[datum('ene. 2025', 40), datum('feb. 2025', 80), datum('mar. 2025', 0)]} format={formatInteger} />,
    );
    const svg = screen.getByRole('img', { name: 'Productores registrados por mes. ene. 2025: 40; feb. 2025: 80; mar. 2025: 0.' });
    const heights = Array.from(container.querySelectorAll('rect.bar')).map((rect) => Number(rect.getAttribute('height')));
    expect(heights).toHaveLength(2);
    expect(heights[1]! / heights[0]!).toBeCloseTo(2);
    expect(within(svg as unknown as HTMLElement).getByText('Máximo: 80')).toBeInTheDocument();
    expect(barsOf(svg)).toHaveLength(2);
  });

  it('says when nothing happened in the period instead of drawing an empty chart', () => {
    renderPage(<MonthlySeries title="Fondos" data={[datum('ene. 2025', 0)]} format={formatInteger} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('Sin movimientos en el periodo.')).toBeInTheDocument();
  });
});

describe('ShareBar', () => {
  it('splits the bar by the share, with counts and shares in the legend and the text alternative', () => {
    const { container } = renderPage(<ShareBar title="Redes lideradas por mujeres" part={5} whole={20} partLabel="Lideradas por mujeres" restLabel="Otras redes" />);
    expect(screen.getByRole('img', { name: 'Redes lideradas por mujeres: Lideradas por mujeres 5 (25%); Otras redes 15 (75%).' })).toBeInTheDocument();
    expect(Number(container.querySelector('rect.share-part')!.getAttribute('width'))).toBeCloseTo(80);
    expect(screen.getByText('Otras redes: 15 (75%)')).toBeInTheDocument();
    // The rest differs by a pattern, not by colour alone.
    expect(container.querySelector('rect.share-rest')!.getAttribute('fill')).toMatch(/^url\(#hatch-/);
  });

  it('draws nothing when the figure is suppressed', () => {
    renderPage(<ShareBar title="Redes lideradas por mujeres" part={null} whole={40} partLabel="a" restLabel="b" suppressed />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('* La cifra está suprimida y no se dibuja.')).toBeInTheDocument();
  });
});
