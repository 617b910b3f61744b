import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import { freshDatabase, setOnline } from '../../shared/offline/testing';
import ProducerPage from './ProducerPage';
import { placeRoutes, producer, userWith } from './testData';

beforeEach(async () => {
  await freshDatabase();
  setOnline(true);
});

const erased = producer({
  dni: null, firstNames: '', lastNames: '', phone: null, birthYear: 1980, consentGiven: false, consentWithdrawnOn: '2026-05-04',
  erasedAt: '2026-05-04T15:00:00Z', version: '8',
});

function showProducer(roles: string[], erasure?: (request: Request) => Response) {
  const calls = stubFetch({
    ...placeRoutes,
    'GET /bff/user': () => json(userWith(roles)),
    [`GET /api/producers/${producer().id}`]: () => json(producer()),
    [`GET /api/producers/${producer().id}/incomes`]: () => json([]),
    ...(erasure && { [`POST /api/producers/${producer().id}/erasure`]: erasure }),
  });
  const view = renderPage(
    <Routes>
      <Route path="/productores/:id" element={<ProducerPage />} />
    </Routes>,
    { path: `/productores/${producer().id}` },
  );
  return { calls, view };
}

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Eliminar datos personales' }));
  return screen.getByRole('dialog', { name: '¿Eliminar los datos personales de Rosa Quispe Mamani?' });
}

describe('erasing a producer’s personal data', () => {
  it('is offered to tenant admins only', async () => {
    showProducer(['Supervisor']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Rosa Quispe Mamani' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Desactivar' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Eliminar datos personales' })).not.toBeInTheDocument();
  });

  it('explains what goes and what stays, sends the reason chosen by keyboard, and shows the anonymous member', async () => {
    const { calls } = showProducer(['TenantAdmin'], () => json(erased));
    const user = userEvent.setup();
    const dialog = await openDialog(user);
    expect(within(dialog).getByText(/Se eliminan el DNI, los nombres, el teléfono/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Queda como miembro anónimo/)).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'Lo pidió el productor' })).toBeChecked();
    within(dialog).getByRole('radio', { name: 'Lo pidió el productor' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(within(dialog).getByRole('radio', { name: 'Retiró su consentimiento' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Eliminar datos personales' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Miembro anónimo' })).toBeInTheDocument();
    expect(screen.getByText(/Sus datos personales fueron eliminados/)).toBeInTheDocument();
    expect(screen.queryByText('41234567')).not.toBeInTheDocument();
    expect(screen.queryByText('951 234 567')).not.toBeInTheDocument();
    expect(screen.getByText('Consentimiento retirado')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Editar datos' })).not.toBeInTheDocument();
    expect(await calls.find((call) => call.method === 'POST')!.json()).toEqual({ reason: 'ConsentWithdrawn' });
  });

  it('shows the refusal for a leader, with the networks, inside the dialog', async () => {
    showProducer(['TenantAdmin'], () =>
      json({
        status: 409, title: 'Conflict / Conflicto',
        detail: 'The producer leads «Cuyes de Cabanillas»: set another leader first, then erase their personal data. / El productor es líder de «Cuyes de Cabanillas»: designe primero otro líder y luego elimine sus datos personales.',
      }, 409));
    const user = userEvent.setup();
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Eliminar datos personales' }));

    expect(await within(dialog).findByText(/El productor es líder de «Cuyes de Cabanillas»: designe primero otro líder/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Rosa Quispe Mamani' })).toBeInTheDocument();
  });

  it('has no serious accessibility problems with the dialog open', async () => {
    const { view } = showProducer(['TenantAdmin']);
    await openDialog(userEvent.setup());
    const results = await axe.run(view.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});
