import { screen } from '@testing-library/react';
import { renderPage, stubFetch } from '../../test/render';
import { ProgrammeRules } from './ProgrammeRules';
import { programme } from './testing';

/** The text of the <dd> after the <dt> with this term. */
function valueOf(term: string): string {
  const dt = screen.getByText(term, { selector: 'dt' });
  return (dt.nextElementSibling?.textContent ?? '').replace(/\s/g, ' ');
}

describe('the programme rules panel', () => {
  it('shows money in soles, the network share as a percentage, the phase and chains by name and the dates in Spanish', async () => {
    stubFetch({});
    renderPage(<ProgrammeRules rules={programme({ totalBudgetPen: '1500000', minNetworkContributionShare: 0.255 })} />);
    expect(screen.getByRole('heading', { name: 'Reglas para postular' })).toBeInTheDocument();
    expect(valueOf('Presupuesto total')).toBe('S/ 1,500,000.00');
    expect(valueOf('Máximo del programa por plan')).toBe('S/ 120,000.00');
    expect(valueOf('Aporte mínimo de la red')).toBe('25.5%');
    expect(valueOf('Desde la fase')).toBe('2 · Plan de negocio piloto');
    expect(valueOf('Vigencia')).toMatch(/^Del 15 ene\.? 2026 al 31 dic\.? 2027$/);
    expect(valueOf('Regiones')).toBe('Todas las regiones');
    await vi.waitFor(() => expect(valueOf('Cadenas de valor')).toBe('Quinua, Fibra de alpaca'));
  });

  it('names the regions it is limited to', () => {
    stubFetch({});
    renderPage(<ProgrammeRules rules={programme({ eligibleRegions: ['PE-LMA', 'PE-CUS'], eligibleValueChains: [] })} />);
    expect(valueOf('Regiones')).toBe('Lima Metropolitana, Cusco');
    expect(valueOf('Cadenas de valor')).toBe('Todas las cadenas');
  });
});
