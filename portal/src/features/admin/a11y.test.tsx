import type { ReactElement } from 'react';
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import AuditPage from './audit/AuditPage';
import AdminHomePage from './home/AdminHomePage';
import OrgUnitsPage from './orgUnits/OrgUnitsPage';
import PersonalDataPage from './personalData/PersonalDataPage';
import { read } from './personalData/testData';
import InvitePage from './staff/InvitePage';
import StaffListPage from './staff/StaffListPage';
import StaffPage from './staff/StaffPage';
import { auditEntry, details, page, summary, tenant, units } from './testData';

const person = details({ invitationPending: true, trainings: [{ id: 't1', module: 'Articulación comercial', completedOn: '2026-02-10', hours: 16, passed: true }] });

beforeEach(() => {
  stubFetch({
    'GET /bff/user': () => json({ id: 'a', name: 'Ana', email: 'ana@x.pe', roles: ['TenantAdmin'], tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name }, language: 'es' }),
    'GET /api/tenants/current': () => json(tenant),
    'GET /api/org-units': () => json(page(units)),
    'GET /api/staff': () => json(page([summary(), summary({ id: '2', fullName: 'Luis Condori', isActive: false, invitationPending: true })])),
    [`GET /api/staff/${person.id}`]: () => json(person),
    'GET /api/audit': () => json(page([auditEntry()])),
    'GET /api/producers/personal-data/reads': () => json(page([read()])),
  });
});

/** Serious and critical axe findings (contrast needs a real browser: the end-to-end suite checks it). */
async function problems(element: ReactElement, path: string, ready: string): Promise<string[]> {
  const { container } = renderPage(<main>{element}</main>, { path });
  await screen.findAllByText(ready);
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('accessibility of the administrator’s pages (axe, serious and critical)', () => {
  it('home', async () => expect(await problems(<AdminHomePage />, '/inicio', 'Personal activo por rol')).toEqual([]));
  it('staff list', async () => expect(await problems(<StaffListPage />, '/personal', 'Luis Condori')).toEqual([]));
  it('invitation', async () => expect(await problems(<InvitePage />, '/personal/invitar', 'Enviar invitación')).toEqual([]));
  it('person', async () =>
    expect(await problems(<Routes><Route path="/personal/:id" element={<StaffPage />} /></Routes>, `/personal/${person.id}`, 'Articulación comercial')).toEqual([]));
  it('org units', async () => expect(await problems(<OrgUnitsPage />, '/unidades', 'Sede Cabanillas')).toEqual([]));
  it('audit', async () => expect(await problems(<AuditPage />, '/auditoria', 'Roles cambiados')).toEqual([]));
  it('personal data', async () => expect(await problems(<PersonalDataPage />, '/datos-personales', 'Abrió la ficha de un productor')).toEqual([]));
});
