import { queryOptions } from '@tanstack/react-query';
import { api, type FinancingSchemas, type NetworksSchemas } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';

export type MyWork = NetworksSchemas['schemas']['MyWork'];
export type MyWorkNetwork = NetworksSchemas['schemas']['MyWorkNetwork'];
export type MyWorkActivity = NetworksSchemas['schemas']['MyWorkActivity'];
export type PlanSummary = FinancingSchemas['schemas']['PlanSummary'];

/** My networks, my producers and what happened lately (a supervisor's or administrator's: the team's). */
export const myWorkQuery = queryOptions({
  queryKey: ['work', 'mine'],
  queryFn: async () => orThrow(await api.GET('/api/networks/my-work')),
  // It sums up what the other pages write (a network just formed, a month just recorded): read again on every visit.
  staleTime: 0,
});

/** The plans the supervisor returned for changes (the page keeps those of my networks). */
export const returnedPlansQuery = queryOptions({
  queryKey: ['work', 'returned-plans'],
  queryFn: async () => orThrow(await api.GET('/api/business-plans', { params: { query: { Status: 'Returned', PageSize: 200 } } })),
});

/** "2026-04" → "abril de 2026" / "April 2026". */
export function formatPeriod(period: string, language: string): string {
  const [year, month] = period.split('-').map(Number);
  if (!year || !month) return period;
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'es-PE', { month: 'long', year: 'numeric' }).format(new Date(year, month - 1, 1));
}
