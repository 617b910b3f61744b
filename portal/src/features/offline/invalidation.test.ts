import { QueryClient } from '@tanstack/react-query';
import { json, stubFetch } from '../../test/render';
import { submit, syncStatus } from '../../shared/offline/sync';
import { freshDatabase, setOnline, startFor } from '../../shared/offline/testing';
import type { FieldWrite } from '../../shared/offline/fieldWrite';
import { producerKeys } from '../producers/api';
import { networkKeys } from '../networks/api';
import { myWorkQuery } from '../work/api';

// One mechanism: the queue refreshes the field pages' queries by their keys' first element, after a write sent at
// once and after one synced later. These are the keys the pages really use.
const keys = {
  producers: producerKeys.list({ Page: 1, PageSize: 25 }),
  producer: producerKeys.one('p1'),
  network: networkKeys.one('n1'),
  networks: networkKeys.list({ Page: 1, PageSize: 25 }),
  phases: networkKeys.phases('n1'),
  monitoring: networkKeys.monitoring('n1'),
  myWork: myWorkQuery.queryKey,
  plans: ['plans', 'list', 'Draft', 'n1', '', 1], // office work: not refreshed by field writes
  places: ['places', 'regions'],
};

function cache() {
  const client = new QueryClient();
  for (const key of Object.values(keys)) client.setQueryData(key, {});
  const refreshed = () => Object.entries(keys).filter(([, key]) => client.getQueryState(key)?.isInvalidated).map(([name]) => name);
  return { client, refreshed };
}

const write = (kind: FieldWrite['entity']['kind'], path: string): FieldWrite => ({
  method: 'PUT', path, body: {}, label: { key: 'label.write' }, entity: kind === 'network' ? { kind, id: 'n1' } : kind === 'producer' ? { kind, id: 'p1' } : { kind, networkId: 'n1' },
});

let stop: () => void;
beforeEach(async () => {
  await freshDatabase();
  setOnline(true);
  stop = startFor('u1');
  await vi.waitFor(() => expect(syncStatus().running).toBe(false)); // its start-up pass over the empty queue
});
afterEach(() => stop());

describe('what a field write refreshes', () => {
  it.each([
    ['producer', '/api/producers/p1', ['producers', 'producer', 'network', 'networks', 'phases', 'monitoring', 'myWork']],
    ['network', '/api/networks/n1', ['network', 'networks', 'phases', 'monitoring', 'myWork']],
    ['monitoring', '/api/networks/n1/monitoring/2026-11-01', ['network', 'networks', 'phases', 'monitoring', 'myWork']],
    ['evidence', '/api/networks/n1/evidence/e1', ['network', 'networks', 'phases', 'monitoring']],
  ] as const)('a %s write sent at once', async (kind, path, expected) => {
    stubFetch({ [`PUT ${path}`]: () => json({}) });
    const { client, refreshed } = cache();
    expect((await submit('u1', write(kind, path), client)).result).toMatchObject({ state: 'sent', status: 200 });
    expect(refreshed()).toEqual(expected);
  });

  it('a write synced when the connection returns refreshes the same queries', async () => {
    const calls = stubFetch({ 'PUT /api/producers/p1': () => json({}) });
    const { client, refreshed } = cache();
    setOnline(false);
    expect((await submit('u1', write('producer', '/api/producers/p1'), client)).result).toEqual({ state: 'queued' });
    expect(refreshed()).toEqual([]);
    setOnline(true);
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    await vi.waitFor(() => expect(refreshed()).toEqual(['producers', 'producer', 'network', 'networks', 'phases', 'monitoring', 'myWork']));
  });
});
