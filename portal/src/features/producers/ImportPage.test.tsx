import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage } from '../../test/render';
import type { ImportReport } from './api';
import ImportPage from './ImportPage';

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: FormData;
  withCredentials: boolean;
}

/** A stand-in for XMLHttpRequest: records what is sent, reports upload progress, then answers. */
function fakeXhr(answer: (url: string) => { status: number; body: unknown }) {
  const sent: Sent[] = [];
  class FakeRequest {
    upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    withCredentials = false;
    status = 0;
    responseText = '';
    private url = '';
    private headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    send(body: FormData) {
      sent.push({ url: this.url, headers: this.headers, body, withCredentials: this.withCredentials });
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 40, total: 100 });
        setTimeout(() => {
          const { status, body: response } = answer(this.url);
          this.status = status;
          this.responseText = JSON.stringify(response);
          this.onload?.();
        }, 150);
      }, 0);
    }
  }
  globalThis.XMLHttpRequest = FakeRequest as unknown as typeof XMLHttpRequest;
  return sent;
}

const report = (overrides: Partial<ImportReport> = {}): ImportReport => ({
  fileName: 'productores.csv', format: 'Csv', mode: 'valid-only', dryRun: true, totalRows: 3, validRows: 2, invalidRows: 1, inserted: 0,
  committed: false, message: 'Dry run: 2 rows would be imported and 1 skipped; nothing was written. / Simulación: se importarían 2 filas y se omitirían 1; no se escribió nada.',
  warnings: [],
  errors: [{ line: 3, reasons: [{ field: 'dni', code: 'dni.invalid', message: "'4123' is not a valid DNI. / '4123' no es un DNI válido." }] }],
  ...overrides,
});

const file = () => new File(['dni,first_names\n'], 'productores.csv', { type: 'text/csv' });

describe('importing producers', () => {
  it('checks the file first (dry run, mode sent), shows progress and the row-by-row report, then imports for real', async () => {
    const sent = fakeXhr((url) =>
      url.includes('dryRun=true')
        ? { status: 200, body: report() }
        : { status: 200, body: report({ dryRun: false, inserted: 2, committed: true, message: '2 producers imported, 1 rows skipped. / Se importaron 2 productores y se omitieron 1 filas.' }) },
    );
    renderPage(<ImportPage />, { path: '/productores/importar' });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(/Archivo CSV o Excel/), file());
    await user.click(screen.getByRole('button', { name: 'Revisar el archivo' }));

    expect(await screen.findByText(/Subiendo el archivo: 40\s?%/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '0.4');
    const table = await screen.findByRole('table', { name: 'Filas con errores' });
    const row = within(table).getByRole('row', { name: /3/ });
    expect(within(row).getByText('Se omitirá')).toBeInTheDocument();
    expect(within(row).getByText('DNI')).toBeInTheDocument();
    expect(within(row).getByText("'4123' no es un DNI válido.")).toBeInTheDocument();
    expect(screen.getByText('Simulación: se importarían 2 filas y se omitirían 1; no se escribió nada.')).toBeInTheDocument();

    const [check] = sent;
    expect(check!.url).toBe('/api/producers/import?mode=valid-only&dryRun=true&ubigeoCodes=auto');
    expect(check!.headers['X-CSRF']).toBe('1');
    expect(check!.withCredentials).toBe(true);
    expect((check!.body.get('file') as File).name).toBe('productores.csv');

    await user.click(screen.getByRole('button', { name: 'Importar' }));
    expect(await screen.findByText('Se importaron 2 productores y se omitieron 1 filas.')).toBeInTheDocument();
    expect(sent[1]!.url).toBe('/api/producers/import?mode=valid-only&dryRun=false&ubigeoCodes=auto');
  });

  it('sends the all-or-nothing mode and does not offer to import a file with bad rows', async () => {
    const sent = fakeXhr(() => ({ status: 200, body: report({ mode: 'all-or-nothing' }) }));
    renderPage(<ImportPage />, { path: '/productores/importar' });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(/Archivo CSV o Excel/), file());
    await user.click(screen.getByRole('radio', { name: 'No importar nada (todo o nada)' }));
    await user.click(screen.getByRole('button', { name: 'Revisar el archivo' }));

    expect(await screen.findByText(/eligió «todo o nada»/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Importar' })).toBeDisabled();
    expect(within(screen.getByRole('table')).getByText('Con errores')).toBeInTheDocument();
    expect(sent[0]!.url).toContain('mode=all-or-nothing&dryRun=true');
  });

  it('shows why a file cannot be read at all', async () => {
    fakeXhr(() => ({ status: 400, body: { title: 'The file cannot be imported / El archivo no se puede importar', errors: { file: ["Missing column 'dni'. / Falta la columna 'dni'."] } } }));
    renderPage(<ImportPage />, { path: '/productores/importar' });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(/Archivo CSV o Excel/), file());
    await user.click(screen.getByRole('button', { name: 'Revisar el archivo' }));
    expect(await screen.findByText("Falta la columna 'dni'.")).toBeInTheDocument();
  });

  it('asks for a file before sending anything, and offers a template with the import’s columns', async () => {
    const sent = fakeXhr(() => ({ status: 200, body: report() }));
    renderPage(<ImportPage />, { path: '/productores/importar' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Revisar el archivo' }));
    expect(await screen.findByText('Elija un archivo CSV o Excel.')).toBeInTheDocument();
    await waitFor(() => expect(sent).toHaveLength(0));
    const template = screen.getByRole('link', { name: 'Descargar plantilla CSV' });
    expect(decodeURIComponent(template.getAttribute('href')!)).toContain('dni,first_names,last_names,gender,birth_year,ubigeo,phone,consent,consent_date');
  });
});
