import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../../test/render';
import { useFieldWrite, type FieldWrite, type FieldWriteResult } from './fieldWrite';
import { writesOf } from './queue';
import { useUser } from '../session/session';
import { syncNow } from './sync';
import { freshDatabase, setOnline, startFor } from './testing';

const ana = { id: 'user-ana', name: 'Ana', email: 'ana@example.pe', roles: ['Specialist'], tenant: null, language: 'es' };

const edit: FieldWrite = {
  method: 'PUT',
  path: '/api/producers/p1',
  body: { firstNames: 'Rosa María' },
  ifMatch: '"3"',
  label: { key: 'label.editProducer', values: { name: 'Rosa María' } },
  entity: { kind: 'producer', id: 'p1' },
};

/** A form's save button as a field page would write it: one function per write, through the queue. */
function SaveButton() {
  const write = useFieldWrite();
  const user = useUser();
  const [result, setResult] = useState<FieldWriteResult>();
  if (!user.data) return null; // pages with field writes are behind RequireRole: the user is known
  return (
    <>
      <button type="button" onClick={() => void write(edit).then(setResult)}>
        Guardar
      </button>
      {result && <p>{result.state === 'sent' ? `sent ${result.status}` : 'queued'}</p>}
    </>
  );
}

let stop: (() => void) | undefined;
beforeEach(async () => {
  await freshDatabase();
  setOnline(true);
});
afterEach(() => {
  stop?.();
  stop = undefined;
  setOnline(true);
});

describe('useFieldWrite', () => {
  test('online: sends at once with its key and If-Match, and returns the answer', async () => {
    const calls = stubFetch({ 'GET /bff/user': () => json(ana), 'PUT /api/producers/p1': () => json({ id: 'p1', version: '4' }) });
    stop = startFor(ana.id);
    await syncNow();
    renderPage(<SaveButton />);

    await userEvent.click(await screen.findByRole('button', { name: 'Guardar' }));

    expect(await screen.findByText('sent 200')).toBeInTheDocument();
    const put = calls.find((call) => call.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"3"');
    expect(put.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await writesOf(ana.id)).toEqual([]);
  });

  test('offline: keeps it in the queue for this user, and sends it when the connection returns', async () => {
    const calls = stubFetch({ 'GET /bff/user': () => json(ana), 'PUT /api/producers/p1': () => json({ id: 'p1' }) });
    setOnline(false);
    stop = startFor(ana.id);
    renderPage(<SaveButton />);

    await userEvent.click(await screen.findByRole('button', { name: 'Guardar' }));

    expect(await screen.findByText('queued')).toBeInTheDocument();
    expect((await writesOf(ana.id)).map((item) => [item.userId, item.state])).toEqual([[ana.id, 'pending']]);
    expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(0);

    setOnline(true);
    window.dispatchEvent(new Event('online'));

    await waitFor(() => expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(1));
    await waitFor(async () => expect(await writesOf(ana.id)).toEqual([]));
  });

  test('a 412 on an immediate send is answered to the page and kept in the queue as a conflict', async () => {
    stubFetch({ 'GET /bff/user': () => json(ana), 'PUT /api/producers/p1': () => json({ title: 'Stale', currentVersion: '5' }, 412) });
    stop = startFor(ana.id);
    await syncNow();
    renderPage(<SaveButton />);

    await userEvent.click(await screen.findByRole('button', { name: 'Guardar' }));

    expect(await screen.findByText('sent 412')).toBeInTheDocument();
    expect((await writesOf(ana.id)).map((item) => [item.state, item.conflict?.currentVersion])).toEqual([['conflict', '5']]);
  });

  test('a 422 on an immediate send is the form\'s to show: answered, not kept', async () => {
    stubFetch({ 'GET /bff/user': () => json(ana), 'PUT /api/producers/p1': () => json({ title: 'Invalid', errors: { dni: ['8 digits'] } }, 422) });
    stop = startFor(ana.id);
    await syncNow();
    renderPage(<SaveButton />);

    await userEvent.click(await screen.findByRole('button', { name: 'Guardar' }));

    expect(await screen.findByText('sent 422')).toBeInTheDocument();
    expect(await writesOf(ana.id)).toEqual([]);
  });
});
