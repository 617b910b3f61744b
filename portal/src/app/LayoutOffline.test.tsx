import { beforeEach, describe, expect, test, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../test/render';
import { enqueue, writesOf } from '../shared/offline/queue';
import { runtimeCaches } from '../shared/offline/caches';
import { freshDatabase, setOnline } from '../shared/offline/testing';
import { Layout } from './Layout';

const ana = { id: 'user-ana', name: 'Ana Torres', email: 'ana@example.pe', roles: ['Specialist'], tenant: null, language: 'es' };

beforeEach(async () => {
  await freshDatabase();
  setOnline(false); // the sync stays still: only the layout is under test
});

describe('the layout, offline first', () => {
  test('signing out with unsent changes warns first, then clears the cached personal data and keeps the user\'s own changes', async () => {
    const deleted: string[] = [];
    vi.stubGlobal('caches', { delete: async (name: string) => deleted.push(name) > 0 });
    vi.stubGlobal('location', { ...window.location, assign: vi.fn() });
    await enqueue(ana.id, { method: 'POST', path: '/api/producers', body: {}, label: { key: 'label.write' }, entity: { kind: 'producer' } });
    const calls = stubFetch({ 'GET /bff/user': () => json(ana), 'POST /bff/logout': () => new Response(null, { status: 204 }) });
    renderPage(<Layout />);

    expect(await screen.findByRole('link', { name: '1 cambio pendiente' })).toBeInTheDocument();
    expect(screen.getByText('Sin conexión: los cambios se guardan en este dispositivo')).toBeInTheDocument();
    await waitFor(() => expect(deleted.length).toBeGreaterThan(0)); // first sign-in on this device: nothing of anybody else kept
    deleted.length = 0;

    await userEvent.click(screen.getByRole('button', { name: 'Cerrar sesión' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tiene cambios sin enviar' });
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cerrar sesión de todos modos' }));

    await waitFor(() => expect(calls.map((call) => call.method + ' ' + new URL(call.url).pathname)).toContain('POST /bff/logout'));
    await waitFor(() => expect(deleted.sort()).toEqual([...runtimeCaches].sort()));
    expect(await writesOf(ana.id)).toHaveLength(1);
  });
});
