/** The dashboard's filters as they are kept in the page's address (region, chain, phase, from, to), so a view can be linked. */
export interface Filters {
  region: string;
  chain: string;
  phase: string;
  from: string;
  to: string;
}

export const noFilters: Filters = { region: '', chain: '', phase: '', from: '', to: '' };

const names = ['region', 'chain', 'phase', 'from', 'to'] as const;
const month = /^\d{4}-(0[1-9]|1[0-2])$/;

export function readFilters(search: URLSearchParams): Filters {
  const value = (name: keyof Filters) => search.get(name)?.trim() ?? '';
  const phase = value('phase');
  return {
    region: value('region'),
    chain: value('chain'),
    phase: /^[0-4]$/.test(phase) ? phase : '',
    from: month.test(value('from')) ? value('from') : '',
    to: month.test(value('to')) ? value('to') : '',
  };
}

/** The page's query string for these filters (empty ones left out). */
export function toSearch(filters: Filters): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of names) if (filters[name]) search.set(name, filters[name]);
  return search;
}

export function isFiltered(filters: Filters): boolean {
  return names.some((name) => filters[name] !== '');
}

/** The reporting API's query parameters for these filters. */
export function toApiQuery(filters: Filters): { Region?: string; Chain?: string; Phase?: number; From?: string; To?: string } {
  return {
    ...(filters.region && { Region: filters.region }),
    ...(filters.chain && { Chain: filters.chain }),
    ...(filters.phase && { Phase: Number(filters.phase) }),
    ...(filters.from && { From: filters.from }),
    ...(filters.to && { To: filters.to }),
  };
}

/** The same as a query string, for export links. */
export function apiSearch(filters: Filters): string {
  const query = new URLSearchParams(Object.entries(toApiQuery(filters)).map(([name, value]) => [name, String(value)]));
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const isMonth = (value: string) => month.test(value);
