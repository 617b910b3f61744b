import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../../../test/render';
import { agency, bodyOf, directorate, office, page, tenant, units } from '../testData';
import OrgUnitsPage from './OrgUnitsPage';
import { buildTree } from './tree';

function show(list = units, routes: Record<string, (request: Request) => Response | Promise<Response>> = {}) {
  return stubFetch({
    'GET /api/org-units': () => json(page(list)),
    'GET /api/tenants/current': () => json(tenant),
    ...routes,
  });
}

describe('the org-unit tree', () => {
  it('nests units under their parents, whatever the list order', () => {
    const tree = buildTree(units);
    expect(tree.map((node) => node.unit.name)).toEqual([directorate.name]);
    expect(tree[0]!.children.map((node) => node.unit.name)).toEqual([agency.name]);
    expect(tree[0]!.children[0]!.children.map((node) => node.unit.name)).toEqual([office.name]);
  });

  it('opens and closes a unit’s dependents by keyboard: Enter, Space, → and ←', async () => {
    show();
    renderPage(<OrgUnitsPage />);
    const tree = await screen.findByRole('list', { name: 'Unidades orgánicas' });
    expect(within(tree).getByText(agency.name, { selector: '.tree-name' })).toBeVisible();
    expect(within(tree).getByText(office.name, { selector: '.tree-name' })).not.toBeVisible();

    const toggle = within(tree).getByRole('button', { name: `Dependientes de ${agency.name}` });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)).toContainElement(within(tree).getByText(office.name, { selector: '.tree-name' }));

    const user = userEvent.setup();
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(tree).getByText(office.name, { selector: '.tree-name' })).toBeVisible();

    await user.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(tree).getByText(office.name, { selector: '.tree-name' })).not.toBeVisible();

    await user.keyboard('{ArrowRight}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowLeft}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');

    const top = within(tree).getByRole('button', { name: `Dependientes de ${directorate.name}` });
    top.focus();
    await user.keyboard('{Enter}');
    expect(top).toHaveAttribute('aria-expanded', 'false');
    expect(within(tree).getByText(agency.name, { selector: '.tree-name' })).not.toBeVisible();
  });

  it('adds a dependent unit under its parent, of the next kind and in its region', async () => {
    const created = { id: '10000000-0000-7000-8000-000000000004', name: 'Agencia Zonal Ayaviri', kind: 'AgenciaZonal', regionCode: 'PE-PUN', parentId: directorate.id };
    const calls = show(units, { 'POST /api/org-units': () => json(created, 201) });
    renderPage(<OrgUnitsPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Añadir dependiente de ${directorate.name}` }));
    const form = screen.getByRole('form', { name: `Nueva unidad dependiente de ${directorate.name}` });
    expect(within(form).getByRole('combobox', { name: 'Tipo' })).toHaveValue('AgenciaZonal');
    await user.click(within(form).getByRole('button', { name: 'Crear unidad' }));
    expect(await within(form).findByText('Escriba entre 2 y 200 caracteres.')).toBeInTheDocument();

    await user.type(within(form).getByRole('textbox', { name: 'Nombre' }), 'Agencia Zonal Ayaviri');
    await user.click(within(form).getByRole('button', { name: 'Crear unidad' }));

    expect(await screen.findByText('Unidad «Agencia Zonal Ayaviri» creada.')).toBeInTheDocument();
    expect(await bodyOf(calls, 'POST', '/api/org-units')).toEqual({ name: 'Agencia Zonal Ayaviri', kind: 'AgenciaZonal', regionCode: 'PE-PUN', parentId: directorate.id });
  });

  it('moves a unit under another parent, never under itself or its own dependents', async () => {
    const calls = show(units, { [`PUT /api/org-units/${agency.id}`]: () => json({ ...agency, parentId: null }) });
    renderPage(<OrgUnitsPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Editar ${agency.name}` }));
    const form = screen.getByRole('form', { name: `Editar ${agency.name}` });
    const parent = within(form).getByRole('combobox', { name: 'Depende de' });
    expect(within(parent).getAllByRole('option').map((option) => option.textContent)).toEqual(['Ninguna (unidad principal)', directorate.name]);
    await user.selectOptions(parent, 'Ninguna (unidad principal)');
    await user.click(within(form).getByRole('button', { name: 'Guardar' }));

    expect(await screen.findByText(`Unidad «${agency.name}» guardada.`)).toBeInTheDocument();
    expect(await bodyOf(calls, 'PUT', `/api/org-units/${agency.id}`)).toEqual({ name: agency.name, kind: 'AgenciaZonal', regionCode: 'PE-PUN', parentId: null });
  });

  it('invites a tenant without units to add the first one', async () => {
    show([]);
    renderPage(<OrgUnitsPage />);
    expect(await screen.findByText(/Su institución aún no tiene unidades orgánicas/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Unidades orgánicas' })).not.toBeInTheDocument();
  });
});
