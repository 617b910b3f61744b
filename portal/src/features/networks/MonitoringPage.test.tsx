import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import type { Role } from '../../shared/session/session';
import { formatPercent } from '../../shared/format/format';
import MonitoringPage from './MonitoringPage';
import { network, networkId, record, specialistId, userWith } from './testData';
import { writesOf } from '../../shared/offline/queue';
import { freshDatabase, setOnline, startFor } from '../../shared/offline/testing';

// Field writes go through the offline queue (fake-indexeddb), started for the specialist.
let stop: (() => void) | undefined;
beforeEach(async () => {
  await freshDatabase();
  setOnline(true);
  stop = startFor(specialistId);
});
afterEach(() => {
  stop?.();
  setOnline(true);
});

const records = [record('2026-09-01', { salesPen: 9000 }), record('2026-11-01', { salesPen: 12500.5 }), record('2026-10-01', { salesPen: 10000 })];

function stub(roles: Role[], extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    'GET /bff/user': () => json(userWith(roles, roles.includes('Viewer') ? 'viewer' : specialistId)),
    [`GET /api/networks/${networkId}`]: () => json(network()),
    [`GET /api/networks/${networkId}/monitoring`]: () => json({ networkId, records, incomeChangePercent: 12.5 }),
    ...extra,
  });
}

const show = () =>
  renderPage(<Routes><Route path="/redes/:id/monitoreo" element={<MonitoringPage />} /></Routes>, { path: `/redes/${networkId}/monitoreo` });

describe('monitoring page', () => {
  it('lists the records newest first with figures in soles; a viewer cannot record or correct', async () => {
    stub(['Viewer']);
    show();
    const table = await screen.findByRole('table', { name: /Monitoreo mensual/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['noviembre de 2026', 'octubre de 2026', 'setiembre de 2026']);
    expect(within(rows[0]!).getByText('S/ 12,500.50')).toBeInTheDocument();
    expect(screen.getByText(`Variación del ingreso neto promedio de los miembros desde el primer registro: ${formatPercent(0.125)}.`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Registrar un mes' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Corregir/ })).not.toBeInTheDocument();
  });

  it('refuses a future month and amounts with three decimals before sending', async () => {
    const calls = stub(['Specialist'], { [`POST /api/networks/${networkId}/monitoring`]: () => json(record('2026-11-01'), 201) });
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Registrar un mes' }));
    await user.type(screen.getByLabelText(/^Mes/), '2999-01');
    await user.type(screen.getByRole('textbox', { name: /Ventas del mes/ }), '10.123');
    await user.click(screen.getByRole('button', { name: 'Registrar el mes' }));
    expect(await screen.findByText('El periodo no puede ser un mes futuro.')).toBeInTheDocument();
    expect(screen.getByText('Escriba un número de cero o más, con punto decimal y hasta dos decimales.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('a correction reads the record’s version, sends it as If-Match, and a 412 says someone corrected the month', async () => {
    const calls = stub(['Specialist'], {
      [`GET /api/networks/${networkId}/monitoring/2026-11-01`]: () => json(record('2026-11-01', { version: 'v9', salesPen: 12500.5 })),
      [`PUT /api/networks/${networkId}/monitoring/2026-11-01`]: () => json({ title: 'Precondition failed', status: 412, currentVersion: 'v10' }, 412),
    });
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Corregir noviembre de 2026' }));
    const sales = await screen.findByRole('textbox', { name: /Ventas del mes/ });
    expect(sales).toHaveValue('12500.5');
    await user.clear(sales);
    await user.type(sales, '13000');
    await user.click(screen.getByRole('button', { name: 'Guardar la corrección' }));
    expect(await screen.findByText(/Alguien corrigió este mes mientras usted editaba/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ver los cambios en Sincronización' })).toHaveAttribute('href', '/sincronizacion');
    expect((await writesOf(specialistId)).map((item) => [item.state, item.label])).toEqual([
      ['conflict', { key: 'offline:label.correctMonitoring', values: { period: '2026-11', network: 'Red Cuyes de Chota' } }],
    ]);
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"v9"');
    expect(await put.json()).toEqual({
      period: '2026-11-01', salesPen: 13000, volume: 800, volumeUnit: 'kg', productivity: 2.5, productivityUnit: 'kg/cuy',
      postHarvestPractices: ['Selección'], marketChannels: ['Feria de Chota'], averageMemberNetIncomePen: 950, evidenceIds: [],
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Volver a cargar' })).toBeInTheDocument());
  }, 15_000);

  it('a month recorded offline waits on this device: the page says so and lists it', async () => {
    const calls = stub(['Specialist'], { [`POST /api/networks/${networkId}/monitoring`]: () => json(record('2026-12-01'), 201) });
    setOnline(false);
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Registrar un mes' }));
    await user.type(screen.getByLabelText(/^Mes/), '2026-10');
    for (const [name, value] of [[/Ventas del mes/, '10000'], [/^Volumen/, '800'], [/Unidad del volumen/, 'kg'], [/^Productividad/, '2.5'], [/Unidad de la productividad/, 'kg/cuy'], [/Ingreso neto/, '950']] as const) {
      await user.type(screen.getByRole('textbox', { name }), value);
    }
    await user.click(screen.getByRole('button', { name: 'Registrar el mes' }));
    expect(await screen.findByText('Guardado en este dispositivo: se enviará cuando vuelva la conexión.')).toBeInTheDocument();
    expect(await screen.findByText('Monitoreo 2026-10 de Red Cuyes de Chota — pendiente')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Registrar el mes' })).not.toBeInTheDocument();
    const [waiting] = await writesOf(specialistId);
    expect(waiting).toMatchObject({ method: 'POST', path: `/api/networks/${networkId}/monitoring`, body: { salesPen: 10000, evidenceIds: [] } });
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  }, 15_000);
});
