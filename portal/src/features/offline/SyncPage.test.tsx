import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../../test/render';
import { enqueue, saveWrite, writesOf } from '../../shared/offline/queue';
import type { FieldWrite } from '../../shared/offline/fieldWrite';
import { syncNow } from '../../shared/offline/sync';
import { OfflineBanner, QueueIndicator } from '../../shared/offline/OfflineStatus';
import { freshDatabase, setOnline, startFor } from '../../shared/offline/testing';
import SyncPage from './SyncPage';

const ana = { id: 'user-ana', name: 'Ana Torres', email: 'ana@example.pe', roles: ['Specialist'], tenant: null, language: 'es' };

const editRosa: FieldWrite = {
  method: 'PUT',
  path: '/api/producers/p1',
  body: { dni: '40000001', firstNames: 'Rosa María', lastNames: 'Quispe', phone: '987654321', consentGiven: true },
  ifMatch: '3',
  label: { key: 'label.editProducer', values: { name: 'Rosa María Quispe' } },
  entity: { kind: 'producer', id: 'p1' },
};
const registerJuan: FieldWrite = {
  method: 'POST',
  path: '/api/producers',
  body: { dni: '40000002', firstNames: 'Juan' },
  label: { key: 'label.registerProducer', values: { name: 'Juan Mamani' } },
  entity: { kind: 'producer' },
};

let stop: (() => void) | undefined;

beforeEach(async () => {
  await freshDatabase();
  setOnline(false); // nothing leaves until the test says so
});

afterEach(() => {
  stop?.();
  stop = undefined;
  setOnline(true);
});

/** Puts the first write in conflict as the sync leaves it after a 412. */
async function conflictOnRosa() {
  const item = await enqueue(ana.id, editRosa);
  await saveWrite({ ...item, state: 'conflict', attempts: 1, conflict: { at: '2026-12-04T15:00:00Z', currentVersion: '5' } });
  return item;
}

const serverRosa = {
  id: 'p1', dni: '40000001', firstNames: 'Rosa', lastNames: 'Quispe Huamán', phone: '987654321', consentGiven: true, version: '5',
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-12-04T14:00:00Z',
};

describe('the sync page', () => {
  test('lists the queue in order with each state in words, the counts, and sends it with "Sincronizar ahora"', async () => {
    await conflictOnRosa();
    const failed = await enqueue(ana.id, { ...registerJuan, body: { dni: '1' }, label: { key: 'label.registerProducer', values: { name: 'Sin DNI' } } });
    await saveWrite({ ...failed, state: 'failed', attempts: 1, problem: { status: 422, detail: 'DNI must have 8 digits / El DNI debe tener 8 dígitos' } });
    await enqueue(ana.id, registerJuan);
    const calls = stubFetch({
      'GET /bff/user': () => json(ana),
      'GET /api/producers/p1': () => json(serverRosa),
      'POST /api/producers': () => json({ id: 'p2' }, 201),
    });
    stop = startFor(ana.id);

    renderPage(<SyncPage />, { path: '/sincronizacion' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sincronización' })).toBeInTheDocument();
    const queue = await screen.findByRole('list', { name: /Cambios en cola/ });
    const items = within(queue).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(items).toEqual(['Editar productor: Rosa María Quispe', 'Registrar productor: Sin DNI', 'Registrar productor: Juan Mamani']);
    expect(screen.getByText('Pendientes: 1')).toBeInTheDocument();
    expect(screen.getByText('Con error: 1')).toBeInTheDocument();
    expect(screen.getByText('En conflicto: 1')).toBeInTheDocument();
    expect(within(queue).getAllByText(/^(pendiente|error|conflicto)$/).map((state) => state.textContent)).toEqual(['conflicto', 'error', 'pendiente']);
    expect(screen.getByText('El servidor no aceptó el cambio: El DNI debe tener 8 dígitos')).toBeInTheDocument();

    setOnline(true);
    await userEvent.click(screen.getByRole('button', { name: 'Sincronizar ahora' }));

    await waitFor(() => expect(screen.queryByText('Registrar productor: Juan Mamani')).not.toBeInTheDocument());
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
    expect(screen.getByText('Pendientes: 0')).toBeInTheDocument();
  });

  test('a conflict shows both versions field by field, differences in words, and "Mantener mis cambios" sends mine over theirs with a new key', async () => {
    const item = await conflictOnRosa();
    const calls = stubFetch({
      'GET /bff/user': () => json(ana),
      'GET /api/producers/p1': () => new Response(JSON.stringify(serverRosa), { headers: { 'Content-Type': 'application/json', ETag: '"5"' } }),
      'PUT /api/producers/p1': () => json({ ...serverRosa, firstNames: 'Rosa María', version: '6' }),
    });
    stop = startFor(ana.id);
    renderPage(<SyncPage />, { path: '/sincronizacion' });

    const table = await screen.findByRole('table', { name: 'Su versión y la del servidor, campo por campo' });
    const row = (field: string) => within(table).getByRole('rowheader', { name: field }).closest('tr')!;
    expect(within(row('Nombres')).getByText('Rosa María')).toBeInTheDocument();
    expect(within(row('Nombres')).getByText('Rosa')).toBeInTheDocument();
    expect(within(row('Nombres')).getByText('Distinto')).toBeInTheDocument();
    expect(within(row('Apellidos')).getByText('Quispe Huamán')).toBeInTheDocument();
    expect(within(row('Apellidos')).getByText('Distinto')).toBeInTheDocument();
    expect(within(row('Teléfono')).getByText('Igual')).toBeInTheDocument();
    expect(within(row('Consentimiento')).getAllByText('Sí')).toHaveLength(2);
    expect(within(table).queryByRole('rowheader', { name: 'version' })).not.toBeInTheDocument();
    expect(await writesOf(ana.id)).toHaveLength(1); // both versions kept until the user decides

    setOnline(true);
    await userEvent.click(screen.getByRole('button', { name: 'Mantener mis cambios' }));

    await waitFor(() => expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(1));
    const put = calls.find((call) => call.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"5"');
    expect(put.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(put.headers.get('Idempotency-Key')).not.toBe(item.idempotencyKey);
    expect(await put.json()).toEqual(editRosa.body);
    await waitFor(async () => expect(await writesOf(ana.id)).toEqual([]));
    expect(await screen.findByText('No hay cambios pendientes: todo está enviado.')).toBeInTheDocument();
  });

  test('"Descartar mis cambios" asks, then drops mine without sending anything; the server keeps theirs', async () => {
    await conflictOnRosa();
    const calls = stubFetch({
      'GET /bff/user': () => json(ana),
      'GET /api/producers/p1': () => json(serverRosa),
      'PUT /api/producers/p1': () => json({}, 200),
    });
    stop = startFor(ana.id);
    renderPage(<SyncPage />, { path: '/sincronizacion' });
    await screen.findByRole('table');

    await userEvent.click(screen.getByRole('button', { name: 'Descartar mis cambios' }));
    const dialog = await screen.findByRole('dialog', { name: '¿Descartar este cambio?' });
    expect(within(dialog).getByText('«Editar productor: Rosa María Quispe» no se enviará y se borrará de este dispositivo.')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Descartar el cambio' }));

    expect(await screen.findByText('No hay cambios pendientes: todo está enviado.')).toBeInTheDocument();
    expect(await writesOf(ana.id)).toEqual([]);
    expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(0);
  });

  test('a 401 during the sync pauses it and asks to sign in again, the queue kept', async () => {
    await enqueue(ana.id, registerJuan);
    stubFetch({ 'GET /bff/user': () => json(ana), 'POST /api/producers': () => json({ title: 'Unauthorized' }, 401) });
    stop = startFor(ana.id);
    renderPage(<SyncPage />, { path: '/sincronizacion' });
    await screen.findByText('Registrar productor: Juan Mamani');

    setOnline(true);
    await syncNow();

    expect(await screen.findByText(/Su sesión terminó\. Vuelva a iniciar sesión para enviar los cambios/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Volver a iniciar sesión' })).toHaveAttribute('href', '/bff/login?returnUrl=%2Fsincronizacion');
    expect(screen.getByText('pendiente')).toBeInTheDocument();
  });

  test('shows only the signed-in user\'s writes', async () => {
    await enqueue('user-beto', { ...registerJuan, label: { key: 'label.registerProducer', values: { name: 'De Beto' } } });
    stubFetch({ 'GET /bff/user': () => json(ana) });
    renderPage(<SyncPage />, { path: '/sincronizacion' });

    expect(await screen.findByText('No hay cambios pendientes: todo está enviado.')).toBeInTheDocument();
    expect(screen.queryByText(/De Beto/)).not.toBeInTheDocument();
  });
});

describe('the header indicator', () => {
  test('counts the waiting changes and those to review, politely announced, linking to the sync page', async () => {
    await enqueue(ana.id, registerJuan);
    await enqueue(ana.id, registerJuan);
    await conflictOnRosa();
    stubFetch({ 'GET /bff/user': () => json(ana) });
    renderPage(<QueueIndicator />);

    const link = await screen.findByRole('link', { name: '3 cambios pendientes · 1 por revisar' });
    expect(link).toHaveAttribute('href', '/sincronizacion');
    expect(link.closest('[role="status"]')).not.toBeNull();
  });
});

describe('the offline banner', () => {
  test('says changes are kept on the device while offline, and goes when the connection returns', async () => {
    stubFetch({});
    renderPage(<OfflineBanner />);
    expect(screen.getByText('Sin conexión: los cambios se guardan en este dispositivo')).toBeInTheDocument();

    act(() => {
      setOnline(true);
      window.dispatchEvent(new Event('online'));
    });

    expect(screen.queryByText(/Sin conexión/)).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toBeInTheDocument();
  });
});
