import type { NationalDashboard, ReportRow, ReportTable, TenantDashboard } from './types';

/** Test builders for the reporting service's tables, in its shapes (labels "Español / English"). */
export function row(key: string, values: (number | null)[], suppressed: string[] = [], label = key): ReportRow {
  return { key, label, values, suppressed };
}

export function table(name: string, dimension: string, columns: string[], rows: ReportRow[], total: ReportRow): ReportTable {
  return {
    name,
    title: `${name} / ${name}`,
    dimension,
    columns: columns.map((key) => ({ key, label: `${key} / ${key}` })),
    rows,
    total,
  };
}

const summaryColumns = [
  'specialists',
  'specialists_trained',
  'producers',
  'networks',
  'networks_women_led',
  'programme_funds_approved',
  'network_contribution_approved',
  'contribution_share_percent',
];

export function tenantDashboard(overrides: Partial<TenantDashboard> = {}): TenantDashboard {
  return {
    tenantId: '7f1c2a9e-0000-4000-8000-000000000001',
    tenantName: 'Agencia Agraria Cusco',
    filter: { region: null, chain: null, phase: null, from: null, to: null },
    summary: table('summary', 'summary', summaryColumns, [], row('total', [14, 9, 1543, 12, 5, 1024000, 256000, 20])),
    tables: [
      table(
        'regions',
        'region',
        ['producers', 'networks'],
        [row('PE-CUS', [1200, 9], [], 'Cusco'), row('PE-LMA', [300, 2], [], 'Lima Metropolitana'), row('PE-LIM', [43, 1], [], 'Lima Provincias')],
        row('total', [1543, 12]),
      ),
      table('value-chains', 'value_chain', ['networks'], [row('cacao', [8]), row('coffee', [4])], row('total', [12])),
      table('phases', 'phase', ['networks'], [row('1', [3]), row('2', [9])], row('total', [12])),
    ],
    ...overrides,
  };
}

export function emptyTenantDashboard(): TenantDashboard {
  return {
    ...tenantDashboard(),
    summary: table('summary', 'summary', summaryColumns, [], row('total', [0, 0, 0, 0, 0, 0, 0, null])),
    tables: [
      table('regions', 'region', ['producers', 'networks'], [], row('total', [0, 0])),
      table('value-chains', 'value_chain', ['networks'], [], row('total', [0])),
    ],
  };
}

export function series(): ReportTable {
  return table(
    'months',
    'month',
    ['producers', 'programme_funds_approved'],
    [row('2025-01', [40, 0]), row('2025-02', [80, 50000])],
    row('total', [120, 50000]),
  );
}

export function nationalDashboard(): NationalDashboard {
  return {
    suppression: { minProducers: 5, minNetworks: 3, marker: '*' },
    summary: table('summary', 'summary', ['institutions', 'producers', 'producers_unique', 'networks', 'networks_women_led'], [], row('total', [3, 2400, 2390, 40, 11])),
    tables: [
      table(
        'institutions',
        'institution',
        ['producers', 'networks'],
        [row('a', [2398, 38], [], 'Agencia Agraria Cusco'), row('b', [null, null], ['producers', 'networks'], 'ONG Pequeña')],
        row('total', [2400, 40]),
      ),
      table(
        'regions',
        'region',
        ['producers', 'networks'],
        [row('PE-CUS', [2390, 36]), row('PE-TAC', [null, null], ['producers', 'networks']), row('PE-PUN', [null, null], ['producers', 'networks'])],
        row('total', [2400, 40]),
      ),
      table(
        'value-chains',
        'value_chain',
        ['networks'],
        [row('cacao', [30]), row('quinoa', [null], ['networks']), row('trout', [null], ['networks'])],
        row('total', [40]),
      ),
    ],
  };
}
