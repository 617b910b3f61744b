import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import type { Role } from '../../shared/session/session';
import { json, renderPage, stubFetch } from '../../test/render';
import PlanPage from './PlanPage';
import type { Plan } from './queries';
import { nationalProgramme, network, ownProgramme, page, plan, specialistId, user } from './testData';

const routes = (
  <Routes>
    <Route path="/planes/:id" element={<PlanPage />} />
  </Routes>
);

function open(current: Plan, roles: Role[] = ['Supervisor'], extra: Parameters<typeof stubFetch>[0] = {}, userId = 'sup-1') {
  const calls = stubFetch({
    'GET /bff/user': () => json(user(roles, userId)),
    'GET /api/programmes': () => json(page([ownProgramme(), nationalProgramme()])),
    'GET /api/networks': () => json(page([network()])),
    [`GET /api/business-plans/${current.id}`]: () => json(current),
    ...extra,
  });
  renderPage(routes, { path: `/planes/${current.id}` });
  return calls;
}

const posts = (calls: Request[]) => calls.filter((c) => c.method === 'POST');
const button = (name: string) => screen.queryByRole('button', { name });
const national = (overrides: Partial<Plan> = {}) => plan({ programmeId: nationalProgramme().id, ...overrides });

describe('the actions by role and status', () => {
  async function shown(current: Plan, roles: Role[], userId?: string) {
    open(current, roles, {}, userId);
    await screen.findByRole('heading', { name: 'Historial' });
    return ['Aprobar plan', 'Devolver plan', 'Rechazar plan', 'Iniciar ejecución', 'Cerrar plan', 'Registrar desembolso', 'Registrar aporte', 'Presentar plan']
      .filter((name) => button(name));
  }

  it('a supervisor decides a submitted plan of the institution’s programme', async () =>
    expect(await shown(plan(), ['Supervisor'])).toEqual(['Aprobar plan', 'Devolver plan', 'Rechazar plan']));

  it('a specialist only reads a submitted plan', async () => expect(await shown(plan(), ['Specialist'], specialistId)).toEqual([]));

  it('a viewer never acts', async () => expect(await shown(plan({ status: 'Approved' }), ['Viewer'])).toEqual([]));

  it('an approved plan: the supervisor starts execution and disburses; the specialist records contributions', async () => {
    expect(await shown(plan({ status: 'Approved' }), ['TenantAdmin'])).toEqual(['Iniciar ejecución', 'Registrar desembolso', 'Registrar aporte']);
  });

  it('the network’s own specialist records contributions, another specialist does not', async () => {
    expect(await shown(plan({ status: 'InExecution' }), ['Specialist'], specialistId)).toEqual(['Registrar aporte']);
  });

  it('another specialist only reads', async () => expect(await shown(plan({ status: 'InExecution' }), ['Specialist'], 'someone-else')).toEqual([]));

  it('a plan in execution is closed by the supervisor', async () =>
    expect(await shown(plan({ status: 'InExecution', disbursedPen: 1400 }), ['Supervisor'])).toEqual(['Cerrar plan', 'Registrar aporte']));

  it('a closed plan has no actions', async () => {
    expect(await shown(plan({ status: 'Closed' }), ['Supervisor'])).toEqual([]);
  });

  it('a rejected plan has no actions either', async () => expect(await shown(plan({ status: 'Rejected' }), ['TenantAdmin'])).toEqual([]));

  it('a draft opens in the editor for its specialist', async () => {
    expect(await shown(plan({ status: 'Draft' }), ['Specialist'], specialistId)).toEqual(['Presentar plan']);
    expect(screen.getByLabelText(/Título del plan/)).toHaveValue(plan().title);
  });

  it('a draft is read-only for a viewer', async () => {
    expect(await shown(plan({ status: 'Draft' }), ['Viewer'])).toEqual([]);
    expect(screen.queryByLabelText(/Título del plan/)).toBeNull();
  });

  it('on a national programme the tenant neither decides nor disburses', async () => {
    expect(await shown(national(), ['Supervisor'])).toEqual([]);
  });

  it('on a national programme the tenant still starts execution and records contributions', async () => {
    expect(await shown(national({ status: 'Approved' }), ['Supervisor'])).toEqual(['Iniciar ejecución', 'Registrar aporte']);
  });
});

describe('what each decision sends', () => {
  it('approves with an optional comment', async () => {
    const calls = open(plan(), ['Supervisor'], { [`POST /api/business-plans/${plan().id}/approve`]: () => json(plan({ status: 'Approved' })) });
    await userEvent.type(await screen.findByLabelText(/Comentario de la aprobación/), 'Cumple las reglas.');
    await userEvent.click(button('Aprobar plan')!);
    expect(await screen.findByText('Plan aprobado: los fondos del programa quedan comprometidos.')).toBeInTheDocument();
    expect(await posts(calls)[0]!.json()).toEqual({ comment: 'Cumple las reglas.' });
    expect(button('Aprobar plan')).toBeNull();
  });

  it('rejects with a required reason', async () => {
    const calls = open(plan(), ['Supervisor'], { [`POST /api/business-plans/${plan().id}/reject`]: () => json(plan({ status: 'Rejected' })) });
    await userEvent.click(await screen.findByRole('button', { name: 'Rechazar plan' }));
    const dialog = screen.getByRole('dialog', { name: 'Rechazar el plan' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rechazar plan' }));
    expect(within(dialog).getByText('Escriba el motivo (al menos 3 caracteres).')).toBeInTheDocument();
    expect(posts(calls)).toHaveLength(0);
    await userEvent.type(within(dialog).getByLabelText(/Motivo/), 'La red no tiene mercado asegurado.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rechazar plan' }));
    expect(await screen.findByText('Plan rechazado.')).toBeInTheDocument();
    expect(await posts(calls)[0]!.json()).toEqual({ reason: 'La red no tiene mercado asegurado.' });
  });

  it('returns with the reason as its comment', async () => {
    const calls = open(plan(), ['Supervisor'], { [`POST /api/business-plans/${plan().id}/return`]: () => json(plan({ status: 'Returned' })) });
    await userEvent.click(await screen.findByRole('button', { name: 'Devolver plan' }));
    const dialog = screen.getByRole('dialog', { name: 'Devolver el plan para corregirlo' });
    await userEvent.type(within(dialog).getByLabelText(/Motivo/), 'Detalle el costo de la secadora.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Devolver plan' }));
    expect(await screen.findByText('Plan devuelto al especialista.')).toBeInTheDocument();
    expect(await posts(calls)[0]!.json()).toEqual({ comment: 'Detalle el costo de la secadora.' });
  });

  it('shows the server’s refusal of an approval in Spanish', async () => {
    open(plan(), ['Supervisor'], {
      [`POST /api/business-plans/${plan().id}/approve`]: () =>
        json({ status: 409, detail: 'The programme has 100.00 left to commit. / Al programa le quedan 100.00 por comprometer.', field: 'programmeFundsPen' }, 409),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Aprobar plan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Al programa le quedan 100.00 por comprometer.');
  });

  it('starts execution', async () => {
    const calls = open(plan({ status: 'Approved' }), ['Supervisor'], {
      [`POST /api/business-plans/${plan().id}/start-execution`]: () => json(plan({ status: 'InExecution' })),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Iniciar ejecución' }));
    expect(await screen.findByText('El plan está en ejecución.')).toBeInTheDocument();
    expect(await posts(calls)[0]!.json()).toEqual({ comment: null });
    expect(screen.getByRole('button', { name: 'Cerrar plan' })).toBeInTheDocument();
  });

  it('closes, the comment being optional', async () => {
    const calls = open(plan({ status: 'InExecution' }), ['Supervisor'], {
      [`POST /api/business-plans/${plan().id}/close`]: () => json(plan({ status: 'Closed' })),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Cerrar plan' }));
    await userEvent.click(within(screen.getByRole('dialog', { name: 'Cerrar el plan' })).getByRole('button', { name: 'Cerrar plan' }));
    expect(await screen.findByText('Plan cerrado.')).toBeInTheDocument();
    expect(await posts(calls)[0]!.json()).toEqual({ comment: null });
  });

  it('records a disbursement within what remains, and shows paid against committed', async () => {
    const approved = plan({ status: 'InExecution', disbursedPen: 400 });
    const calls = open(approved, ['Supervisor'], {
      [`POST /api/business-plans/${plan().id}/disbursements`]: () =>
        json(plan({ status: 'InExecution', disbursedPen: 1400, disbursements: [{ id: 'd1', on: '2026-12-01', amountPen: 1000, reference: 'OP-118', recordedAt: '2026-12-01T10:00:00Z' }] }), 201),
    });
    const amount = await screen.findByLabelText(/Monto del desembolso/);
    expect(amount).toHaveAccessibleDescription(/^Queda por desembolsar S\/\s1,000\.00\.$/);
    fireEvent.change(amount, { target: { value: '1000.01' } });
    fireEvent.change(screen.getByLabelText(/Referencia/), { target: { value: 'OP-118' } });
    await userEvent.click(screen.getByRole('button', { name: 'Registrar desembolso' }));
    expect(amount).toHaveAccessibleDescription(expect.stringContaining('El monto supera lo que queda por desembolsar.'));
    expect(posts(calls)).toHaveLength(0);

    fireEvent.change(amount, { target: { value: '1,000' } });
    fireEvent.change(screen.getByLabelText(/Fecha del desembolso/), { target: { value: '2026-12-01' } });
    await userEvent.click(screen.getByRole('button', { name: 'Registrar desembolso' }));
    expect(await screen.findByText('Desembolso registrado.')).toBeInTheDocument();
    expect(await posts(calls)[0]!.json()).toEqual({ amountPen: 1000, on: '2026-12-01', reference: 'OP-118' });
    expect(screen.getByText('Desembolsado', { selector: 'dt' }).nextElementSibling!.textContent!.replace(/\s/g, ' ')).toBe('S/ 1,400.00 de S/ 1,400.00 comprometidos');
    expect(screen.queryByRole('button', { name: 'Registrar desembolso' })).toBeNull();
  });

  it('records a contribution in cash and in kind', async () => {
    const calls = open(plan({ status: 'InExecution' }), ['Specialist'], {
      [`POST /api/business-plans/${plan().id}/contributions`]: () => json(plan({ status: 'InExecution', contributedCashPen: 150.5 }), 201),
    }, specialistId);
    fireEvent.change(await screen.findByLabelText(/En efectivo/), { target: { value: '150.50' } });
    fireEvent.change(screen.getByLabelText(/Fecha del aporte/), { target: { value: '2026-12-02' } });
    fireEvent.change(screen.getByLabelText(/Descripción del aporte/), { target: { value: 'Jornales de instalación' } });
    await userEvent.click(screen.getByRole('button', { name: 'Registrar aporte' }));
    expect(await screen.findByText('Aporte registrado.')).toBeInTheDocument();
    expect(await posts(calls)[0]!.json()).toEqual({ cashPen: 150.5, inKindPen: 0, on: '2026-12-02', description: 'Jornales de instalación' });
  });

  it('refuses an empty contribution and sends nothing', async () => {
    const calls = open(plan({ status: 'InExecution' }), ['Specialist'], {}, specialistId);
    fireEvent.change(await screen.findByLabelText(/Descripción del aporte/), { target: { value: 'Nada' } });
    await userEvent.click(screen.getByRole('button', { name: 'Registrar aporte' }));
    expect(screen.getByLabelText(/En efectivo/)).toHaveAccessibleDescription('Escriba un aporte en efectivo, en especie o ambos.');
    expect(posts(calls)).toHaveLength(0);
  });
});

describe('the national desk', () => {
  const desk = () => screen.findByRole('region', { name: 'Mesa de revisión nacional' });

  it('a submitted plan waits on the national desk, not actionable here', async () => {
    open(national(), ['Supervisor']);
    const section = await desk();
    expect(within(section).getByText('En la mesa nacional')).toBeInTheDocument();
    expect(within(section).getByText(/Presentado a la unidad nacional; espera su decisión/)).toBeInTheDocument();
  });

  it('a plan returned by the national unit shows its reason and opens in the editor', async () => {
    open(national({
      status: 'Returned',
      history: [...plan().history, { fromStatus: 'Submitted', toStatus: 'Returned', actorId: null, actorName: 'Ana Torres', comment: 'Falta la cotización.', at: '2026-11-25T09:00:00Z' }],
    }), ['Specialist'], {}, specialistId);
    const section = await desk();
    expect(within(section).getByText('Devuelto por la unidad nacional')).toBeInTheDocument();
    expect(within(section).getByText('Falta la cotización.')).toBeInTheDocument();
    expect(within(section).getByText(/por Ana Torres/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Presentar plan' })).toBeInTheDocument();
  });

  it('a plan approved by the national unit says so, with its comment', async () => {
    open(national({
      status: 'InExecution',
      history: [
        ...plan().history,
        { fromStatus: 'Submitted', toStatus: 'Approved', actorId: null, actorName: 'Ana Torres', comment: 'Conforme.', at: '2026-11-25T09:00:00Z' },
        { fromStatus: 'Approved', toStatus: 'InExecution', actorId: null, actorName: 'Luis Mamani', comment: null, at: '2026-11-26T09:00:00Z' },
      ],
    }), ['Supervisor']);
    const section = await desk();
    expect(within(section).getByText('Aprobado por la unidad nacional')).toBeInTheDocument();
    expect(within(section).getByText('Conforme.')).toBeInTheDocument();
  });

  it('a plan rejected by the national unit shows the reason', async () => {
    open(national({
      status: 'Rejected',
      history: [...plan().history, { fromStatus: 'Submitted', toStatus: 'Rejected', actorId: null, actorName: 'Ana Torres', comment: 'Fuera de la región.', at: '2026-11-25T09:00:00Z' }],
    }), ['Supervisor']);
    const section = await desk();
    expect(within(section).getByText('Rechazado por la unidad nacional')).toBeInTheDocument();
    expect(within(section).getByText('Fuera de la región.')).toBeInTheDocument();
  });

  it('a plan on the institution’s own programme has no national desk', async () => {
    open(plan(), ['Supervisor']);
    await screen.findByRole('heading', { name: 'Historial' });
    expect(screen.queryByRole('region', { name: 'Mesa de revisión nacional' })).toBeNull();
  });
});

describe('states', () => {
  it('an unknown plan', async () => {
    stubFetch({
      'GET /bff/user': () => json(user()),
      'GET /api/business-plans/x': () => json({ status: 404 }, 404),
    });
    renderPage(routes, { path: '/planes/x' });
    expect(await screen.findByText('No se encontró lo que buscaba.')).toBeInTheDocument();
  });
});

describe('a national programme as the institution sees it', () => {
  const summary = async () => {
    const heading = await screen.findByRole('heading', { name: 'Resumen' });
    return within(heading.closest('section')!);
  };

  it('shows its own committed and disbursed part and whether budget remains, not the programme totals', async () => {
    open(national(), ['Specialist'], {
      'GET /api/programmes': () => json(page([nationalProgramme({ tenantCommittedPen: 35000, tenantDisbursedPen: 20000 })])),
    });
    const section = await summary();
    expect(await section.findByText('S/ 35,000.00')).toBeInTheDocument();
    expect(section.getByText('S/ 20,000.00')).toBeInTheDocument();
    expect(section.getByText('Queda presupuesto')).toBeInTheDocument();
    expect(section.queryByText('Comprometido en total')).not.toBeInTheDocument();
  });

  it('says no budget is left for a full plan, and shows the totals of a public programme', async () => {
    open(national(), ['Specialist'], {
      'GET /api/programmes': () => json(page([nationalProgramme({ isPublic: true, budgetRemains: false, committedPen: 98000.15, remainingPen: 51999.85 })])),
    });
    const section = await summary();
    expect(await section.findByText('Sin presupuesto para un plan por el máximo')).toBeInTheDocument();
    expect(section.getByText('S/ 98,000.15')).toBeInTheDocument();
    expect(section.getByText('S/ 51,999.85')).toBeInTheDocument();
  });
});
