/** The audit filters as the page keeps them in its address: who, what (an action family), and when. */
export interface AuditFilters {
  actor: string;
  action: string;
  from: string;
  to: string;
}

/** Families of actions the services record, as prefixes of their names ("staff.roles_changed"). */
export const actionFamilies = ['staff.', 'org_unit.', 'tenant.'] as const;

export function filtersFrom(params: URLSearchParams): AuditFilters {
  return { actor: params.get('actor') ?? '', action: params.get('action') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
}

/** The API's query for the filters; empty ones are left out. */
export function auditQuery(filters: AuditFilters) {
  return {
    Actor: filters.actor || undefined,
    Action: filters.action || undefined,
    From: filters.from || undefined,
    To: filters.to || undefined,
  };
}

/** The CSV export of exactly what the filters select (a plain link: the session cookie goes with it). */
export function exportHref(filters: AuditFilters): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(auditQuery(filters))) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `/api/audit/export.csv?${text}` : '/api/audit/export.csv';
}
