import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../../../test/render';
import { auditEntry, lastQuery, page, summary } from '../testData';
import AuditPage from './AuditPage';
import { exportHref } from './auditQuery';

const ana = summary({ id: '20000000-0000-7000-8000-000000000009', fullName: 'Ana Admin', roles: ['TenantAdmin'] });

function show(entries: (request: Request) => Response = () => json(page([auditEntry()])), path = '/auditoria') {
  const calls = stubFetch({
    'GET /api/audit': entries,
    'GET /api/staff': () => json(page([summary(), ana])),
  });
  renderPage(<AuditPage />, { path });
  return calls;
}

describe('the audit log', () => {
  it('shows when, who, what (translated where known), on what and the details', async () => {
    show(() => json(page([auditEntry(), auditEntry({ id: '30000000-0000-7000-8000-000000000002', action: 'network.archived', actorName: null, targetType: 'Network', details: null })])));
    const table = await screen.findByRole('table', { name: 'Registro de auditoría' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByText('Roles cambiados')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Ana Admin')).toBeInTheDocument();
    expect(within(rows[1]!).getByRole('link', { name: 'Persona 20000000' })).toHaveAttribute('href', '/personal/20000000-0000-7000-8000-000000000001');
    expect(within(rows[1]!).getByText('{"from":["Viewer"],"to":["Specialist"]}')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('network.archived')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Sistema')).toBeInTheDocument();
  });

  it('sends who, what and when as Actor, Action, From and To, and exports the same selection', async () => {
    const calls = show();
    const user = userEvent.setup();
    await screen.findByRole('table');
    await screen.findByRole('option', { name: 'Ana Admin' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Quién' }), 'Ana Admin');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Qué' }), 'Personal');
    fireEvent.change(screen.getByLabelText('Desde'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('Hasta'), { target: { value: '2026-03-31' } });
    await user.click(screen.getByRole('button', { name: 'Aplicar filtros' }));

    const filters = { Actor: ana.id, Action: 'staff.', From: '2026-03-01', To: '2026-03-31' };
    await waitFor(() => expect(lastQuery(calls, '/api/audit')).toEqual({ Page: '1', PageSize: '50', ...filters }));
    const link = screen.getByRole('link', { name: 'Exportar CSV' });
    const href = new URL(link.getAttribute('href')!, 'http://portal.test');
    expect(href.pathname).toBe('/api/audit/export.csv');
    expect(Object.fromEntries(href.searchParams)).toEqual(filters);
  });

  it('reads the filters from the address and pages through the results', async () => {
    const calls = show(() => json({ ...page([auditEntry()], 120), totalPages: 3 }), '/auditoria?action=org_unit.&from=2026-01-01');
    const user = userEvent.setup();
    expect(await screen.findByRole('combobox', { name: 'Qué' })).toHaveValue('org_unit.');
    await user.click(await screen.findByRole('button', { name: 'Siguiente' }));
    await waitFor(() => expect(lastQuery(calls, '/api/audit')).toEqual({ Page: '2', PageSize: '50', Action: 'org_unit.', From: '2026-01-01' }));
    expect(screen.getByRole('link', { name: 'Exportar CSV' })).toHaveAttribute('href', '/api/audit/export.csv?Action=org_unit.&From=2026-01-01');
  });

  it('refuses a period that ends before it starts', async () => {
    const calls = show();
    const user = userEvent.setup();
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Desde'), { target: { value: '2026-03-31' } });
    fireEvent.change(screen.getByLabelText('Hasta'), { target: { value: '2026-03-01' } });
    await user.click(screen.getByRole('button', { name: 'Aplicar filtros' }));

    expect(await screen.findByText('La fecha «Hasta» no puede ser anterior a «Desde».')).toBeInTheDocument();
    expect(lastQuery(calls, '/api/audit')).toEqual({ Page: '1', PageSize: '50' });
  });

  it('exports everything when nothing is filtered', () => {
    expect(exportHref({ actor: '', action: '', from: '', to: '' })).toBe('/api/audit/export.csv');
  });

  it('tells an empty log from filters that match nothing', async () => {
    show(() => json(page([])), '/auditoria?actor=20000000-0000-7000-8000-000000000009');
    expect(await screen.findByText('Ningún registro coincide con los filtros.')).toBeInTheDocument();
  });
});
