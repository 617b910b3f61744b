import { useQuery } from '@tanstack/react-query';
import { api, type TenantsSchemas } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import type { Role } from '../../shared/session/session';

type Schemas = TenantsSchemas['schemas'];
export type StaffSummary = Schemas['StaffSummary'];
export type StaffDetails = Schemas['StaffDetails'];
export type OrgUnit = Schemas['OrgUnitDto'];
export type OrgUnitKind = Schemas['OrgUnitKind'];
export type Tenant = Schemas['TenantDto'];
export type AuditEntry = Schemas['AuditEntryDto'];
export type Training = Schemas['TrainingDto'];

/** The roles an institution gives its people (the national unit's role is never given here). */
export const tenantRoles = ['TenantAdmin', 'Supervisor', 'Specialist', 'Viewer'] as const satisfies readonly Role[];

export const orgUnitKinds = ['DireccionZonal', 'AgenciaZonal', 'Sede'] as const satisfies readonly OrgUnitKind[];

/** The services' largest page: reference lists (org units, everyone for a select) are read whole, page by page. */
const wholePage = 200;

export const adminKeys = {
  all: ['admin'] as const,
  staff: ['admin', 'staff'] as const,
  staffList: (query: object) => ['admin', 'staff', 'list', query] as const,
  everyone: ['admin', 'staff', 'everyone'] as const,
  person: (id: string) => ['admin', 'staff', 'person', id] as const,
  orgUnits: ['admin', 'orgUnits'] as const,
  tenant: ['admin', 'tenant'] as const,
  audit: (query: object) => ['admin', 'audit', query] as const,
};

export function useCurrentTenant() {
  return useQuery({
    queryKey: adminKeys.tenant,
    queryFn: async () => orThrow(await api.GET('/api/tenants/current')),
    staleTime: 5 * 60_000,
  });
}

/** Every org unit of the institution (they are few), for the tree and for selects. */
export function useOrgUnits() {
  return useQuery({
    queryKey: adminKeys.orgUnits,
    queryFn: async () => {
      const units: OrgUnit[] = [];
      for (let page = 1; ; page++) {
        const result = orThrow(await api.GET('/api/org-units', { params: { query: { Page: page, PageSize: wholePage } } }));
        units.push(...result.items);
        if (units.length >= Number(result.totalCount) || result.items.length === 0) return units;
      }
    },
  });
}

/** Everyone on the staff, for the home page's counts and the audit's "who" select. */
export function useEveryone() {
  return useQuery({
    queryKey: adminKeys.everyone,
    queryFn: async () => {
      const people: StaffSummary[] = [];
      for (let page = 1; ; page++) {
        const result = orThrow(await api.GET('/api/staff', { params: { query: { Page: page, PageSize: wholePage } } }));
        people.push(...result.items);
        if (people.length >= Number(result.totalCount) || result.items.length === 0) return people;
      }
    },
  });
}

/** Today in the user's time zone as yyyy-mm-dd (what a date input holds). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
