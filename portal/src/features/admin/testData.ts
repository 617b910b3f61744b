import type { AuditEntry, OrgUnit, StaffDetails, StaffSummary, Tenant } from './api';

export const tenant: Tenant = {
  id: '00000000-0000-7000-8000-000000000001', slug: 'gore-puno', name: 'Gobierno Regional de Puno', kind: 'Public', ruc: '20406325815',
  regions: ['PE-PUN', 'PE-CUS'], status: 'Active', activatedAt: '2026-01-10T15:00:00Z', suspendedAt: null, suspensionReason: null,
  requiresTwoFactor: false,
};

export const directorate: OrgUnit = { id: '10000000-0000-7000-8000-000000000001', name: 'Dirección Zonal Altiplano', kind: 'DireccionZonal', regionCode: 'PE-PUN', parentId: null };
export const agency: OrgUnit = { id: '10000000-0000-7000-8000-000000000002', name: 'Agencia Zonal Juliaca', kind: 'AgenciaZonal', regionCode: 'PE-PUN', parentId: directorate.id };
export const office: OrgUnit = { id: '10000000-0000-7000-8000-000000000003', name: 'Sede Cabanillas', kind: 'Sede', regionCode: 'PE-PUN', parentId: agency.id };
export const units = [agency, directorate, office];

export { page } from '../../test/render';

export function summary(overrides: Partial<StaffSummary> = {}): StaffSummary {
  return {
    id: '20000000-0000-7000-8000-000000000001', fullName: 'Rosa Quispe Mamani', email: 'rosa@regionpuno.gob.pe', roles: ['Specialist'],
    orgUnitId: agency.id, regions: ['PE-PUN'], isActive: true, isTrained: true, meetsSelectionCriteria: true, invitationPending: false,
    ...overrides,
  };
}

export function details(overrides: Partial<StaffDetails> = {}): StaffDetails {
  return {
    id: '20000000-0000-7000-8000-000000000001', fullName: 'Rosa Quispe Mamani', email: 'rosa@regionpuno.gob.pe', dni: '41234567', phone: null,
    roles: ['Specialist'], orgUnitId: agency.id, regions: ['PE-PUN'], isActive: true, deactivatedAt: null, invitationPending: false,
    selection: { roleFitsWork: true, territoryMatches: false, availableForResponsibilities: false, isMet: false, notes: null, assessedAt: null },
    trainings: [], createdAt: '2026-02-01T14:00:00Z', updatedAt: '2026-02-01T14:00:00Z',
    ...overrides,
  };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: '30000000-0000-7000-8000-000000000001', at: '2026-03-02T15:30:00Z', actorId: '20000000-0000-7000-8000-000000000009', actorName: 'Ana Admin',
    action: 'staff.roles_changed', targetType: 'StaffMember', targetId: '20000000-0000-7000-8000-000000000001', details: '{"from":["Viewer"],"to":["Specialist"]}',
    ...overrides,
  };
}

/** The query of the last request to a path, as a plain object. */
export function lastQuery(calls: Request[], path: string): Record<string, string> {
  const matching = calls.filter((call) => new URL(call.url).pathname === path);
  const last = matching[matching.length - 1];
  if (!last) throw new Error(`no request to ${path}`);
  return Object.fromEntries(new URL(last.url).searchParams);
}

export async function bodyOf(calls: Request[], method: string, path: string): Promise<unknown> {
  const call = calls.find((c) => c.method === method && new URL(c.url).pathname === path);
  if (!call) throw new Error(`no ${method} ${path}`);
  return call.json();
}
