import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import type { Role } from '../../shared/session/session';
import NetworkPage from './NetworkPage';
import { evidence, network, networkId, page, phaseChange, specialistId, userWith } from './testData';

const staff = [{ id: 's2', fullName: 'Luis Condori', regions: ['PE-CAJ'], isTrained: true }];

function stub(roles: Role[], userId = specialistId, extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    'GET /bff/user': () => json(userWith(roles, userId)),
    [`GET /api/networks/${networkId}`]: () => json(network()),
    [`GET /api/networks/${networkId}/phases`]: () => json([phaseChange()]),
    [`GET /api/networks/${networkId}/members/history`]: () => json([]),
    [`GET /api/networks/${networkId}/leaders`]: () => json([]),
    'GET /api/producers': () => json(page([])),
    'GET /api/specialists': () => json(staff),
    ...extra,
  });
}

const show = () => renderPage(<Routes><Route path="/redes/:id" element={<NetworkPage />} /></Routes>, { path: `/redes/${networkId}` });

async function opened() {
  await screen.findByRole('heading', { level: 1, name: 'Red Cuyes de Chota' });
  await screen.findByText('Avance registrado el 2 abr. 2026 por Rosa Huamán.');
}

const writeButtons = [/Editar datos/, /Registrar el avance/, /Retirar a/, /Designar como líder/, /Agregar/, /Entregar la red/];

describe('the network page', () => {
  it('shows the summary and the methodology’s phases in order, with each advance’s evidence', async () => {
    stub(['Viewer'], 'someone-else');
    show();
    await opened();
    const summary = screen.getByRole('region', { name: 'Resumen' });
    expect(within(summary).getByText('Cuy')).toBeInTheDocument();
    expect(within(summary).getByText('Cajamarca')).toBeInTheDocument();
    expect(within(summary).getByText('1 · Promoción y selección')).toBeInTheDocument();
    expect(within(summary).getByText('2 en total · 1 mujeres')).toBeInTheDocument();
    const steps = within(screen.getByRole('region', { name: 'Fases de la metodología' })).getAllByRole('listitem').filter((li) => li.querySelector('h3'));
    expect(steps.map((li) => [li.querySelector('h3')!.textContent, li.querySelector('.state')!.textContent])).toEqual([
      ['0 · Preparación', 'Completada'],
      ['1 · Promoción y selección', 'Fase actual'],
      ['2 · Plan de negocio piloto', 'Pendiente'],
      ['3 · Plan de negocio estratégico', 'Pendiente'],
      ['4 · Consolidación', 'Pendiente'],
    ]);
    expect(screen.getByText('Acta de constitución firmada')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Foto: acta.jpg' })).toHaveAttribute('src', `/api/networks/${networkId}/evidence/e1/content`);
    expect(screen.getByRole('link', { name: 'Documento: asistencia.pdf' })).toHaveAttribute('href', `/api/networks/${networkId}/evidence/e2/content`);
  });

  it('a viewer sees no write buttons', async () => {
    stub(['Viewer'], 'someone-else');
    show();
    await opened();
    for (const name of writeButtons) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('a specialist edits their own network but cannot hand it over, and not a colleague’s', async () => {
    stub(['Specialist']);
    const { unmount } = show();
    await opened();
    expect(screen.getByRole('button', { name: 'Editar datos' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Registrar el avance' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retirar a Pedro Mamani' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Entregar la red/ })).not.toBeInTheDocument();
    unmount();

    stub(['Specialist'], 'colleague');
    show();
    await opened();
    for (const name of writeButtons) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('a supervisor hands the network to another specialist with a reason', async () => {
    const calls = stub(['Supervisor'], 'sup', {
      [`PUT /api/networks/${networkId}/specialist`]: () => json(network({ specialistId: 's2', specialistName: 'Luis Condori' })),
    });
    const user = userEvent.setup();
    show();
    await opened();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Nuevo especialista' }), 'Luis Condori');
    await user.click(screen.getByRole('button', { name: 'Entregar la red' }));
    const dialog = screen.getByRole('dialog', { name: 'Entregar la red a Luis Condori' });
    await user.type(within(dialog).getByRole('textbox', { name: /Motivo/ }), 'Cambio de zona');
    await user.click(within(dialog).getByRole('button', { name: 'Entregar' }));
    expect(await screen.findByText('La red quedó a cargo de Luis Condori.')).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(await put.json()).toEqual({ specialistId: 's2', reason: 'Cambio de zona', on: null });
  });

  it('an edit sends If-Match with the version read; a 412 says someone changed the network and offers a reload', async () => {
    const calls = stub(['Specialist'], specialistId, {
      [`PUT /api/networks/${networkId}`]: () => json({ title: 'Precondition failed / Precondición fallida', status: 412, currentVersion: '8' }, 412),
    });
    const user = userEvent.setup();
    show();
    await opened();
    await user.click(screen.getByRole('button', { name: 'Editar datos' }));
    const name = screen.getByRole('textbox', { name: /Nombre de la red/ });
    await user.clear(name);
    await user.type(name, 'Red Cuyes Unidos');
    await user.click(screen.getByRole('button', { name: 'Guardar' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Alguien cambió esta red mientras usted editaba.');
    expect(within(alert).getByRole('button', { name: 'Volver a cargar' })).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"7"');
    expect(await put.json()).toEqual({ name: 'Red Cuyes Unidos', legalForm: 'Informal', ruc: null });
  });

  it('advancing the phase uploads the attached PDF first and then sends its id with the note', async () => {
    const order: string[] = [];
    const calls = stub(['Specialist'], specialistId, {
      [`POST /api/networks/${networkId}/phase`]: () => { order.push('phase'); return json(phaseChange({ fromPhase: 'PromotionAndSelection', toPhase: 'PilotBusinessPlan' })); },
    });
    const uploads: string[] = [];
    const stubbed = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://portal.test'), init);
      const match = new URL(request.url).pathname.match(/evidence\/([^/]+)$/);
      if (request.method === 'PUT' && match) {
        uploads.push(match[1]!);
        order.push('upload');
        return json(evidence(match[1]!, 'acta.pdf', 'application/pdf'), 201);
      }
      return stubbed(request);
    };
    const user = userEvent.setup();
    show();
    await opened();
    await user.upload(screen.getByLabelText('Evidencia (fotos o PDF)'), new File(['%PDF-1.4'], 'acta.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText(/acta\.pdf \(1 KB\)/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Nota del avance/ }), 'Plan piloto aprobado en asamblea');
    await user.click(screen.getByRole('button', { name: 'Registrar el avance' }));
    await waitFor(() => expect(order).toEqual(['upload', 'phase']));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.json()).toMatchObject({ toPhase: 'PilotBusinessPlan', evidence: 'Plan piloto aprobado en asamblea', documentUrl: null, evidenceIds: uploads });
    expect(uploads).toHaveLength(1);
  });

  it('refuses a file of another type before sending anything', async () => {
    stub(['Specialist']);
    const user = userEvent.setup({ applyAccept: false });
    show();
    await opened();
    await user.upload(screen.getByLabelText('Evidencia (fotos o PDF)'), new File(['GIF89a'], 'foto.gif', { type: 'image/gif' }));
    expect(await screen.findByText('foto.gif: solo se aceptan fotos JPEG o PNG y documentos PDF.')).toBeInTheDocument();
  });
});
