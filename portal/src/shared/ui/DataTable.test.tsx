import { screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { renderPage } from '../../test/render';
import { DataTable } from './DataTable';

afterEach(() => vi.restoreAllMocks());

/** The table's region as laid out with these widths (jsdom lays nothing out). */
function regionWithWidths(scrollWidth: number, clientWidth: number) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(scrollWidth);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(clientWidth);
  renderPage(
    <DataTable caption="Historial del plan" rows={[{ id: '1' }]} rowKey={(row) => row.id} columns={[{ key: 'id', header: 'Paso', cell: (row) => row.id }]} />,
  );
  return screen.getByRole('region', { name: 'Historial del plan' });
}

it('makes a table that overflows by a single pixel a focusable region, and says it scrolls sideways', () => {
  const region = regionWithWidths(321, 320);

  expect(region).toHaveAttribute('tabindex', '0');
  expect(region).toHaveAccessibleDescription('La tabla es más ancha que la pantalla: deslícela hacia los lados.');
});

it('leaves a table that fits out of the tab order, without the hint', () => {
  const region = regionWithWidths(320, 320);

  expect(region).not.toHaveAttribute('tabindex');
  expect(screen.queryByText(/deslícela/)).toBeNull();
});
