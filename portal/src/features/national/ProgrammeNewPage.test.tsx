import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../../test/render';
import ProgrammeNewPage from './ProgrammeNewPage';
import { programme } from './testing';

describe('publishing a national programme', () => {
  it('names every missing or wrong field in Spanish and sends nothing', async () => {
    const calls = stubFetch({});
    renderPage(<ProgrammeNewPage />, { path: '/nacional/programas/nuevo' });

    await userEvent.type(screen.getByLabelText(/Presupuesto total/), '1000.505');
    await userEvent.type(screen.getByLabelText(/Aporte mínimo de la red/), '100');
    await userEvent.click(screen.getByRole('button', { name: 'Publicar programa' }));

    expect(screen.getByLabelText(/Nombre del programa/)).toHaveAccessibleDescription('Escriba entre 3 y 200 caracteres.');
    expect(screen.getByLabelText(/Presupuesto total/)).toHaveAccessibleDescription(expect.stringContaining('Escriba un monto en soles con hasta 2 decimales'));
    expect(screen.getByLabelText(/Máximo del programa por plan/)).toHaveAccessibleDescription(expect.stringContaining('Este dato es obligatorio.'));
    expect(screen.getByLabelText(/Aporte mínimo de la red/)).toHaveAccessibleDescription(expect.stringContaining('Escriba un porcentaje de 0 a menos de 100'));
    expect(screen.getByLabelText(/^Inicio/)).toHaveAccessibleDescription('Elija una fecha.');
    expect(calls).toHaveLength(0);
  });

  it('says when the dates are in the wrong order', async () => {
    stubFetch({});
    renderPage(<ProgrammeNewPage />, { path: '/nacional/programas/nuevo' });
    await userEvent.type(screen.getByLabelText(/^Inicio/), '2027-01-01');
    await userEvent.type(screen.getByLabelText(/^Fin(?!an)/), '2026-01-01');
    await userEvent.type(screen.getByLabelText(/Nombre del programa/), 'Procompite Andino');
    await userEvent.type(screen.getByLabelText(/Financiador/), 'PRODUCE');
    await userEvent.type(screen.getByLabelText(/Presupuesto total/), '1500000');
    await userEvent.type(screen.getByLabelText(/Máximo del programa por plan/), '120000');
    await userEvent.type(screen.getByLabelText(/Aporte mínimo de la red/), '30');
    await userEvent.click(screen.getByRole('button', { name: 'Publicar programa' }));
    expect(screen.getByLabelText(/^Fin(?!an)/)).toHaveAccessibleDescription('El fin no puede ser anterior al inicio.');
  });

  it('sends the rules as the service keeps them: soles, the share as a fraction, the phase number, the chosen chains', async () => {
    const calls = stubFetch({ 'POST /api/programmes/national': () => json(programme(), 201) });
    renderPage(<ProgrammeNewPage />, { path: '/nacional/programas/nuevo' });

    await userEvent.type(screen.getByLabelText(/Nombre del programa/), 'Procompite Andino');
    await userEvent.type(screen.getByLabelText(/Financiador/), 'PRODUCE');
    await userEvent.type(screen.getByLabelText(/Presupuesto total/), '1500000.50');
    await userEvent.type(screen.getByLabelText(/Máximo del programa por plan/), '120000');
    await userEvent.type(screen.getByLabelText(/Aporte mínimo de la red/), '30');
    await userEvent.selectOptions(screen.getByLabelText(/Fase mínima/), '3 · Plan de negocio estratégico');
    await userEvent.type(screen.getByLabelText(/^Inicio/), '2026-01-15');
    await userEvent.type(screen.getByLabelText(/^Fin(?!an)/), '2027-12-31');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Quinua' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Puno' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Programa público' }));
    await userEvent.click(screen.getByRole('button', { name: 'Publicar programa' }));

    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(await calls[0]!.json()).toEqual({
      name: 'Procompite Andino', funder: 'PRODUCE', totalBudgetPen: 1500000.5, maxProgrammeFundsPerPlanPen: 120000,
      minNetworkContributionShare: 0.3, minPhase: 3, startsOn: '2026-01-15', endsOn: '2027-12-31',
      eligibleValueChains: ['quinoa'], eligibleRegions: ['PE-PUN'], isPublic: true,
    });
  });
});
