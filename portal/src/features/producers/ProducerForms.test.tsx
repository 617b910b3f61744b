import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import NewProducerPage from './NewProducerPage';
import ProducerPage from './ProducerPage';
import { placeRoutes, producer, specialistId, userWith } from './testData';
import { writesOf } from '../../shared/offline/queue';
import { freshDatabase, setOnline, startFor } from '../../shared/offline/testing';

// The writes go through the offline queue (IndexedDB: fake-indexeddb), started for the signed-in specialist.
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
const signedIn = (userId = specialistId) => { stop = startFor(userId); };
const me = (roles: string[] = ['Specialist'], userId = specialistId) => ({ 'GET /bff/user': () => json(userWith(roles, userId)) });

/** Types a producer's data as a specialist would, up to the consent's date. */
async function fillProducer(user: ReturnType<typeof userEvent.setup>, dni: string, firstNames = 'Rosa', { place = true } = {}) {
  await user.type(await screen.findByRole('textbox', { name: /DNI/ }), dni);
  await user.type(screen.getByRole('textbox', { name: /Nombres/ }), firstNames);
  await user.type(screen.getByRole('textbox', { name: /Apellidos/ }), 'Quispe Mamani');
  await user.selectOptions(screen.getByRole('combobox', { name: /Sexo/ }), 'Mujer');
  await user.type(screen.getByRole('textbox', { name: /Año de nacimiento/ }), '1980');
  if (place) await chooseDistrict(user);
  await user.click(screen.getByRole('checkbox', { name: /consintió/ }));
  if (place) await user.type(screen.getByLabelText(/Fecha del consentimiento/), '2026-03-02');
}

async function chooseDistrict(user: ReturnType<typeof userEvent.setup>) {
  const department = await screen.findByRole('combobox', { name: /Departamento/ });
  await within(department).findByRole('option', { name: 'Puno' });
  await user.selectOptions(department, 'Puno');
  const province = screen.getByRole('combobox', { name: /Provincia/ });
  await waitFor(() => expect(within(province).getByRole('option', { name: 'San Román' })).toBeInTheDocument());
  await user.selectOptions(province, 'San Román');
  await user.selectOptions(screen.getByRole('combobox', { name: /Distrito/ }), 'Juliaca');
}

describe('the district cascade', () => {
  it('offers the provinces of the chosen department, then its districts, and empties the levels below on a change', async () => {
    stubFetch({ ...placeRoutes, 'GET /bff/user': () => json(userWith(['Specialist'])) });
    renderPage(<NewProducerPage />, { path: '/productores/nuevo' });
    const user = userEvent.setup();
    const department = await screen.findByRole('combobox', { name: /Departamento/ });
    const province = screen.getByRole('combobox', { name: /Provincia/ });
    const district = screen.getByRole('combobox', { name: /Distrito/ });
    expect(province).toBeDisabled();
    await within(department).findByRole('option', { name: 'Puno' });

    await user.selectOptions(department, 'Puno');
    await waitFor(() => expect(within(province).getAllByRole('option').map((o) => o.textContent)).toEqual(['Elija…', 'Puno', 'San Román']));
    await user.selectOptions(province, 'San Román');
    expect(within(district).getAllByRole('option').map((o) => o.textContent)).toEqual(['Elija…', 'Cabanillas', 'Juliaca']);
    await user.selectOptions(district, 'Juliaca');
    expect(district).toHaveValue('211101');

    await user.selectOptions(department, 'Cusco');
    expect(province).toHaveValue('');
    expect(district).toHaveValue('');
    await waitFor(() => expect(within(province).getAllByRole('option').map((o) => o.textContent)).toEqual(['Elija…', 'Cusco']));
  });
});

describe('registering a producer', () => {
  it('shows the schema’s messages beside the fields and sends nothing', async () => {
    const calls = stubFetch({ ...placeRoutes, ...me(), 'POST /api/producers': () => json(producer(), 201) });
    signedIn();
    renderPage(<NewProducerPage />, { path: '/productores/nuevo' });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /DNI/ }), '1234567');
    await user.click(screen.getByRole('button', { name: 'Registrar' }));

    expect(await screen.findByText('Escriba un DNI válido: 8 dígitos (y, si lo añade, su carácter de verificación correcto).')).toBeInTheDocument();
    expect(screen.getByText('Elija el departamento, la provincia y el distrito.')).toBeInTheDocument();
    expect(screen.getByText('El productor debe dar su consentimiento antes de ser registrado.')).toBeInTheDocument();
    expect(screen.getByText('Indique la fecha del consentimiento.')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });

  it('sends the producer with the INEI district and the consent, and maps a taken DNI to its field', async () => {
    let answer = () => json({ status: 409, title: 'Conflict / Conflicto', field: 'dni', detail: 'A producer with this DNI is already registered in your institution. / Ya existe un productor con este DNI en su institución.' }, 409);
    const calls = stubFetch({ ...placeRoutes, ...me(), 'POST /api/producers': () => answer() });
    signedIn();
    renderPage(<NewProducerPage />, { path: '/productores/nuevo' });
    const user = userEvent.setup();
    await fillProducer(user, '41234567');
    await user.click(screen.getByRole('button', { name: 'Registrar' }));

    expect(await screen.findByText('Ya existe un productor con este DNI en su institución.')).toBeInTheDocument();
    const posted = calls.filter((call) => call.method === 'POST');
    expect(await posted[0]!.json()).toEqual({
      dni: '41234567', firstNames: 'Rosa', lastNames: 'Quispe Mamani', gender: 'Female', birthYear: 1980, districtCode: '211101',
      districtCoding: 'Inei', phone: null, consentGiven: true, consentDate: '2026-03-02',
    });
    expect(posted[0]!.headers.get('X-CSRF')).toBe('1');
    expect(posted[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    // Refused while the user is on the form: shown there, not kept in the queue.
    expect(await writesOf(specialistId)).toEqual([]);

    answer = () => json(producer(), 201);
    await user.clear(screen.getByRole('textbox', { name: /DNI/ }));
    await user.type(screen.getByRole('textbox', { name: /DNI/ }), '41234568');
    await user.click(screen.getByRole('button', { name: 'Registrar' }));
    expect(await screen.findByText('Rosa Quispe Mamani quedó registrado.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ver al productor' })).toHaveAttribute('href', `/productores/${producer().id}`);
    expect(calls.filter((call) => call.method === 'POST')[1]!.headers.get('Idempotency-Key')).not.toBe(posted[0]!.headers.get('Idempotency-Key'));
  }, 20_000);

  it('offline, keeps the registration on this device, says so, and clears the form for the next producer of the same place', async () => {
    const calls = stubFetch({ ...placeRoutes, ...me(), 'POST /api/producers': () => json(producer(), 201) });
    setOnline(false);
    signedIn();
    renderPage(<NewProducerPage />, { path: '/productores/nuevo' });
    const user = userEvent.setup();
    await fillProducer(user, '41234567');
    await user.click(screen.getByRole('button', { name: 'Registrar' }));

    expect(await screen.findByText('Guardado en este dispositivo: se enviará cuando vuelva la conexión.')).toBeInTheDocument();
    expect(screen.getByText('«Rosa Quispe Mamani» quedó guardado en este dispositivo.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ver los cambios en Sincronización' })).toHaveAttribute('href', '/sincronizacion');
    // The next producer: identity and consent empty, the cursor in the DNI; the place and the consent's date kept.
    const dni = screen.getByRole('textbox', { name: /DNI/ });
    expect(dni).toHaveValue('');
    expect(dni).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /Nombres/ })).toHaveValue('');
    expect(screen.getByRole('checkbox', { name: /consintió/ })).not.toBeChecked();
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Distrito/ })).toHaveValue('211101'));
    expect(screen.getByLabelText(/Fecha del consentimiento/)).toHaveValue('2026-03-02');
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    // A second one in a row, without choosing the place again.
    await fillProducer(user, '41234568', 'Juana', { place: false });
    await user.click(screen.getByRole('button', { name: 'Registrar' }));
    expect(await screen.findByText('«Juana Quispe Mamani» quedó guardado en este dispositivo.')).toBeInTheDocument();

    const waiting = await writesOf(specialistId);
    expect(waiting.map((item) => [item.method, item.path, item.state, item.label])).toEqual([
      ['POST', '/api/producers', 'pending', { key: 'offline:label.registerProducer', values: { name: 'Rosa Quispe Mamani' } }],
      ['POST', '/api/producers', 'pending', { key: 'offline:label.registerProducer', values: { name: 'Juana Quispe Mamani' } }],
    ]);
    expect(waiting[1]!.body).toMatchObject({ dni: '41234568', firstNames: 'Juana', districtCode: '211101', consentGiven: true, consentDate: '2026-03-02' });

    // The connection returns: both are sent in order, each with its own key.
    setOnline(true);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(calls.filter((call) => call.method === 'POST')).toHaveLength(2));
    const posted = calls.filter((call) => call.method === 'POST');
    expect((await posted[0]!.json()).dni).toBe('41234567');
    expect(posted.map((call) => call.headers.get('Idempotency-Key'))).toEqual(waiting.map((item) => item.idempotencyKey));
    await waitFor(async () => expect(await writesOf(specialistId)).toEqual([]));
  }, 30_000);
});

function showProducer(roles: string[], routes: Record<string, (request: Request) => Response> = {}, userId = specialistId) {
  const calls = stubFetch({
    ...placeRoutes,
    'GET /bff/user': () => json(userWith(roles, userId)),
    [`GET /api/producers/${producer().id}`]: () => json(producer()),
    [`GET /api/producers/${producer().id}/incomes`]: () => json([{ id: 'i1', kind: 'Baseline', measuredOn: '2026-03-10', annualNetIncomePen: 8400, recordedBy: null }]),
    ...routes,
  });
  signedIn(userId);
  renderPage(
    <Routes>
      <Route path="/productores/:id" element={<ProducerPage />} />
    </Routes>,
    { path: `/productores/${producer().id}` },
  );
  return calls;
}

describe('a producer’s page', () => {
  it('shows the data and incomes, and to a viewer no edit, income or status controls', async () => {
    showProducer(['Viewer']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Rosa Quispe Mamani' })).toBeInTheDocument();
    expect(screen.getByText('Juliaca · Puno')).toBeInTheDocument();
    expect(await screen.findByText('S/ 8,400.00')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Editar datos' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Desactivar' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Registrar ingreso' })).not.toBeInTheDocument();
  });

  it('lets a specialist change only the producers they registered', async () => {
    showProducer(['Specialist'], {}, '30000000-0000-7000-8000-000000000099');
    expect(await screen.findByRole('heading', { level: 1, name: 'Rosa Quispe Mamani' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Editar datos' })).not.toBeInTheDocument();
  });

  it('sends the edit with If-Match and the version read, and saves', async () => {
    const calls = showProducer(['Specialist'], { [`PUT /api/producers/${producer().id}`]: () => json(producer({ phone: null, version: '8' })) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Editar datos' }));
    const phone = await screen.findByRole('textbox', { name: /Teléfono/ });
    expect(screen.getByRole('combobox', { name: /Provincia/ })).toHaveValue('San Román');
    await user.clear(phone);
    await user.click(screen.getByRole('button', { name: 'Guardar' }));

    expect(await screen.findByText('Cambios guardados.')).toBeInTheDocument();
    const put = calls.find((call) => call.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"7"');
    expect(put.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await put.json()).toMatchObject({ dni: '41234567', districtCode: '211101', phone: null, consentDate: '2026-03-02' });
    expect(await writesOf(specialistId)).toEqual([]);
  });

  it('offline, keeps the edit on this device and shows the record with the waiting values; no second edit before it is sent', async () => {
    const calls = showProducer(['Specialist'], { [`PUT /api/producers/${producer().id}`]: () => json(producer({ phone: '984 000 111', version: '8' })) });
    setOnline(false);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Editar datos' }));
    const phone = await screen.findByRole('textbox', { name: /Teléfono/ });
    await user.clear(phone);
    await user.type(phone, '984 000 111');
    await user.click(screen.getByRole('button', { name: 'Guardar' }));

    expect(await screen.findByText('Guardado en este dispositivo: se enviará cuando vuelva la conexión.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Teléfono/ })).not.toBeInTheDocument();
    const pending = await screen.findByRole('region', { name: 'Cambios de este registro que esperan en este dispositivo' });
    expect(within(pending).getByText('Estado: pendiente')).toBeInTheDocument();
    expect(within(pending).getByText('Teléfono').nextElementSibling).toHaveTextContent('984 000 111');
    expect(within(pending).queryByText('Nombres')).not.toBeInTheDocument(); // only what changes
    expect(screen.queryByRole('button', { name: 'Editar datos' })).not.toBeInTheDocument();
    expect(screen.getByText(/Un cambio de este registro espera enviarse/)).toBeInTheDocument();

    const [queued] = await writesOf(specialistId);
    expect(queued).toMatchObject({
      method: 'PUT', path: `/api/producers/${producer().id}`, ifMatch: '7', state: 'pending',
      label: { key: 'offline:label.editProducer', values: { name: 'Rosa Quispe Mamani' } }, entity: { kind: 'producer', id: producer().id },
    });
    expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(0);

    setOnline(true);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(1));
    expect(calls.find((call) => call.method === 'PUT')!.headers.get('If-Match')).toBe('"7"');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Editar datos' })).toBeInTheDocument());
    expect(screen.queryByRole('region', { name: 'Cambios de este registro que esperan en este dispositivo' })).not.toBeInTheDocument();
  }, 20_000);

  it('tells the user someone changed the producer meanwhile (412) and reloads the current data', async () => {
    let current = producer();
    showProducer(['Supervisor'], {
      [`GET /api/producers/${producer().id}`]: () => json(current),
      [`PUT /api/producers/${producer().id}`]: () => json({ status: 412, title: 'Precondition failed', currentVersion: '9' }, 412),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Editar datos' }));
    await user.clear(await screen.findByRole('textbox', { name: /Nombres/ }));
    await user.type(screen.getByRole('textbox', { name: /Nombres/ }), 'Rosa Elena');
    await user.click(screen.getByRole('button', { name: 'Guardar' }));

    expect(await screen.findByText(/Otra persona cambió este productor mientras usted lo editaba/)).toBeInTheDocument();
    expect(screen.getByText(/Su cambio espera en Sincronización/)).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Ver los cambios en Sincronización' })[0]).toHaveAttribute('href', '/sincronizacion');
    // The refused edit also waits in the queue as a conflict, with the user's values.
    const waiting = await writesOf(specialistId);
    expect(waiting.map((item) => [item.state, item.conflict?.currentVersion, (item.body as { firstNames: string }).firstNames])).toEqual([['conflict', '9', 'Rosa Elena']]);

    // Starting again from the current data abandons the refused edit: it leaves the queue.
    current = producer({ firstNames: 'Rosa María', version: '9' });
    await user.click(screen.getByRole('button', { name: 'Cargar los datos actuales' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Nombres/ })).toHaveValue('Rosa María'));
    expect(screen.queryByText(/Otra persona cambió/)).not.toBeInTheDocument();
    expect(await writesOf(specialistId)).toEqual([]);
  });

  it('deactivates after confirming', async () => {
    const calls = showProducer(['Specialist'], { [`POST /api/producers/${producer().id}/deactivate`]: () => json(producer({ isActive: false })) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Desactivar' }));
    const dialog = screen.getByRole('dialog', { name: '¿Desactivar a Rosa Quispe Mamani?' });
    await user.click(within(dialog).getByRole('button', { name: 'Desactivar' }));
    expect(await screen.findByText('El productor fue desactivado.')).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST')).toBe(true);
  });

  it('records an income', async () => {
    const calls = showProducer(['Specialist'], { [`POST /api/producers/${producer().id}/incomes`]: () => json({ id: 'i2', kind: 'FollowUp', measuredOn: '2026-04-01', annualNetIncomePen: 9100, recordedBy: null }, 201) });
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole('combobox', { name: /Tipo/ }), 'Seguimiento');
    await user.type(screen.getByLabelText(/Fecha de la medición/), '2026-04-01');
    await user.type(screen.getByRole('textbox', { name: /Ingreso neto anual/ }), '9100,50');
    await user.click(screen.getByRole('button', { name: 'Registrar ingreso' }));
    expect(await screen.findByText('Ingreso registrado.')).toBeInTheDocument();
    expect(await calls.find((call) => call.method === 'POST')!.json()).toEqual({ kind: 'FollowUp', measuredOn: '2026-04-01', annualNetIncomePen: 9100.5 });
  });
});

