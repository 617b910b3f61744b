import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { Route, Routes } from 'react-router';
import { navigation } from '../../../app/nav';
import { json, renderPage, stubFetch } from '../../../test/render';
import { adminRoutes } from '../routes';
import { bodyOf, lastQuery, page } from '../testData';
import PersonalDataPage from './PersonalDataPage';
import { financingPart, networksPart, read, reportingPart, rosa } from './testData';

const exportRoutes = (networks = networksPart()) => ({
  [`GET /api/producers/${rosa.id}/personal-data`]: () => json(networks),
  [`POST /api/financing/personal-data/producers/${rosa.id}`]: () => json(financingPart),
  [`GET /api/reporting/personal-data/producers/${rosa.id}`]: () => json(reportingPart),
});

function show(routes: Record<string, (request: Request) => Response> = {}) {
  const calls = stubFetch({
    'GET /api/producers': () => json(page([rosa])),
    'GET /api/producers/personal-data/reads': () => json(page([read()])),
    ...routes,
  });
  renderPage(<PersonalDataPage />, { path: '/datos-personales' });
  return calls;
}

async function search(dni: string) {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: /DNI del productor/ }), dni);
  await user.click(screen.getByRole('button', { name: 'Buscar' }));
  return user;
}

/** The JSON the download link holds. */
function downloaded(link: HTMLElement): unknown {
  const href = link.getAttribute('href')!;
  expect(href.startsWith('data:application/json')).toBe(true);
  return JSON.parse(decodeURIComponent(href.slice(href.indexOf(',') + 1)));
}

describe('the personal data page', () => {
  it('refuses a DNI that is not one (length or check character) without asking Networks', async () => {
    const calls = show();
    await search('1234567');
    const message = 'Ingrese un DNI válido: 8 dígitos y, si lo tiene, su carácter de verificación.';
    expect(await screen.findByText(message)).toBeInTheDocument();
    const field = screen.getByRole('textbox', { name: /DNI del productor/ });
    fireEvent.change(field, { target: { value: '41234567-5' } });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Buscar' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(calls.filter((call) => new URL(call.url).pathname === '/api/producers')).toHaveLength(0);
  });

  it('searches by the 8 digits of a DNI written with its check character and shows who was found', async () => {
    const calls = show();
    await search('41234567-9');
    const found = await screen.findByRole('link', { name: 'Rosa Quispe Mamani' });
    expect(found).toHaveAttribute('href', `/productores/${rosa.id}`);
    expect(lastQuery(calls, '/api/producers')).toEqual({ Search: '41234567', PageSize: '20' });
    expect(screen.getByRole('button', { name: 'Exportar sus datos' })).toBeInTheDocument();
  });

  it('says when no producer has the DNI, even if the search matched another one partly', async () => {
    show({ 'GET /api/producers': () => json(page([{ ...rosa, dni: '41234568' }])) });
    await search('41234567');
    expect(await screen.findByText('No hay ningún productor con el DNI 41234567 en su institución.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Exportar sus datos' })).not.toBeInTheDocument();
  });

  it('exports Networks, then Financing with the name and networks Networks gave, then Reporting, as one JSON bundle with a summary', async () => {
    const calls = show(exportRoutes());
    const user = await search('41234567');
    await user.click(await screen.findByRole('button', { name: 'Exportar sus datos' }));
    const link = await screen.findByRole('link', { name: 'Descargar JSON' });

    const order = calls.map((call) => `${call.method} ${new URL(call.url).pathname}`).filter((key) => key.includes('/personal-data/producers') || key.endsWith('/personal-data'));
    expect(order).toEqual([
      `GET /api/producers/${rosa.id}/personal-data`,
      `POST /api/financing/personal-data/producers/${rosa.id}`,
      `GET /api/reporting/personal-data/producers/${rosa.id}`,
    ]);
    expect(await bodyOf(calls, 'POST', `/api/financing/personal-data/producers/${rosa.id}`)).toEqual({
      fullName: 'Rosa Quispe Mamani',
      networkIds: ['50000000-0000-7000-8000-000000000001', '50000000-0000-7000-8000-000000000002'],
    });
    expect(link).toHaveAttribute('download', 'datos-personales-41234567.json');
    const bundle = downloaded(link) as Record<string, unknown>;
    expect(Object.keys(bundle)).toEqual(['generatedAt', 'producerId', 'networks', 'financing', 'reporting']);
    expect(bundle).toMatchObject({ producerId: rosa.id, networks: networksPart(), financing: financingPart, reporting: reportingPart });
    expect(Number.isNaN(Date.parse(String(bundle.generatedAt)))).toBe(false);

    const summary = screen.getByRole('region', { name: 'Resumen de sus datos' });
    expect(within(summary).getByText('Rosa Quispe Mamani')).toBeInTheDocument();
    expect(within(summary).getByRole('heading', { name: '3 membresías' })).toBeInTheDocument();
    expect(within(summary).getByText(/Red Lago Sagrado: pasó a liderar la red/)).toBeInTheDocument();
    expect(within(summary).getByRole('heading', { name: 'Un registro de ingresos' })).toBeInTheDocument();
    expect(within(summary).getByText('Un archivo de evidencia lo nombra.')).toBeInTheDocument();
    expect(within(summary).getByRole('heading', { name: 'Una línea de plan lo nombra' })).toBeInTheDocument();
    expect(within(summary).getByText(/Pasantía de Rosa Quispe Mamani/)).toBeInTheDocument();
    expect(within(summary).getByText('Sí (clave v1); su valor nunca se muestra')).toBeInTheDocument();

    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('shows an erased producer as an anonymous member and does not ask Financing, which has no name to look for', async () => {
    const erased = networksPart({ dni: null, firstNames: '', lastNames: '', phone: null, erasedAt: '2026-03-01T12:00:00Z' });
    const calls = show(exportRoutes(erased));
    const user = await search('41234567');
    await user.click(await screen.findByRole('button', { name: 'Exportar sus datos' }));
    const link = await screen.findByRole('link', { name: 'Descargar JSON' });

    expect(within(screen.getByRole('region', { name: 'Resumen de sus datos' })).getByText('Miembro anónimo')).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    expect(downloaded(link)).toMatchObject({ financing: null, reporting: reportingPart });
  });

  it('says so when a part cannot be read', async () => {
    show({ ...exportRoutes(), [`GET /api/reporting/personal-data/producers/${rosa.id}`]: () => json({ status: 503, title: 'Unavailable' }, 503) });
    const user = await search('41234567');
    await user.click(await screen.findByRole('button', { name: 'Exportar sus datos' }));
    expect(await screen.findByText('El servicio no está disponible por el momento; intente en unos minutos.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Descargar JSON' })).not.toBeInTheDocument();
  });
});

describe('the personal-data read log', () => {
  it('lists the Networks log first, newest first as the service pages it', async () => {
    const calls = show();
    const table = await screen.findByRole('table', { name: 'Lecturas de datos personales: Redes (productores)' });
    expect(within(table).getByText('Abrió la ficha de un productor')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: '40000000' })).toHaveAttribute('href', `/productores/${rosa.id}`);
    expect(lastQuery(calls, '/api/producers/personal-data/reads')).toEqual({ Page: '1', PageSize: '50' });
  });

  it('sends the action, the found producer and the dates as Action, Producer, From and To', async () => {
    const calls = show();
    const user = await search('41234567');
    await screen.findByRole('option', { name: 'Rosa Quispe Mamani' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Acción' }), 'Exportó los datos de un productor');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Productor' }), 'Rosa Quispe Mamani');
    fireEvent.change(screen.getByLabelText('Desde'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('Hasta'), { target: { value: '2026-03-31' } });
    await user.click(screen.getByRole('button', { name: 'Aplicar filtros' }));
    await waitFor(() =>
      expect(lastQuery(calls, '/api/producers/personal-data/reads')).toEqual({
        Page: '1', PageSize: '50', Action: 'ProducerDataExported', Producer: rosa.id, From: '2026-03-01', To: '2026-03-31',
      }),
    );
  });

  it('reads the chosen service’s log and pages through it', async () => {
    const calls = show({
      'GET /api/financing/personal-data/reads': () => json({ ...page([read({ action: 'ProducerDataExported' })], 120), totalPages: 3 }),
    });
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Servicio' }), 'Financiamiento');
    await screen.findByRole('table', { name: 'Lecturas de datos personales: Financiamiento' });
    await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    await waitFor(() => expect(lastQuery(calls, '/api/financing/personal-data/reads')).toEqual({ Page: '2', PageSize: '50' }));
  });

  it('refuses a period that ends before it starts', async () => {
    const calls = show();
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Desde'), { target: { value: '2026-03-31' } });
    fireEvent.change(screen.getByLabelText('Hasta'), { target: { value: '2026-03-01' } });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Aplicar filtros' }));
    expect(await screen.findByText('La fecha «Hasta» no puede ser anterior a «Desde».')).toBeInTheDocument();
    expect(lastQuery(calls, '/api/producers/personal-data/reads')).toEqual({ Page: '1', PageSize: '50' });
  });

  it('tells an empty log from filters that match nothing, and shows a failure with a retry', async () => {
    let answer = () => json(page([]));
    show({ 'GET /api/producers/personal-data/reads': () => answer() });
    expect(await screen.findByText('Aún no hay lecturas registradas en este servicio.')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Acción' }), 'Listó productores con DNI');
    await user.click(screen.getByRole('button', { name: 'Aplicar filtros' }));
    expect(await screen.findByText('Ninguna lectura coincide con los filtros.')).toBeInTheDocument();
    answer = () => json({ status: 503, title: 'Unavailable' }, 503);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Servicio' }), 'Reportes');
    expect(await screen.findByRole('button', { name: 'Reintentar' })).toBeInTheDocument();
  });
});

describe('who may use the personal data page', () => {
  const route = adminRoutes.find((candidate) => candidate.path === '/datos-personales')!;

  it('is in the navigation of tenant admins only', () => {
    expect(navigation.find((item) => item.path === '/datos-personales')?.roles).toEqual(['TenantAdmin']);
  });

  it('tells a specialist their role may not see it, and reads nothing', async () => {
    const calls = stubFetch({
      'GET /bff/user': () => json({ id: 's', name: 'Sara', email: 'sara@x.pe', roles: ['Specialist'], tenant: { id: 't', slug: 'gore-puno', name: 'GORE Puno' }, language: 'es' }),
      'GET /api/producers/personal-data/reads': () => json(page([read()])),
    });
    renderPage(<Routes><Route path={route.path} element={route.element} /></Routes>, { path: '/datos-personales' });
    expect(await screen.findByText('Su rol no permite ver esta página.')).toBeInTheDocument();
    expect(calls.filter((call) => call.url.includes('/personal-data'))).toHaveLength(0);
  });
});
