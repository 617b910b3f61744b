import { useQuery } from '@tanstack/react-query';
import { api, type FinancingSchemas, type NetworksSchemas } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { hasRole, type User } from '../../shared/session/session';

export type Plan = FinancingSchemas['schemas']['PlanDetails'];
export type PlanSummary = FinancingSchemas['schemas']['PlanSummary'];
export type PlanStatus = FinancingSchemas['schemas']['PlanStatus'];
export type BudgetCategory = FinancingSchemas['schemas']['BudgetCategory'];
export type BudgetLineRequest = FinancingSchemas['schemas']['BudgetLineRequest'];
export type DraftPlanRequest = FinancingSchemas['schemas']['DraftPlanRequest'];
export type EditPlanRequest = FinancingSchemas['schemas']['EditPlanRequest'];
export type DisbursementRequest = FinancingSchemas['schemas']['DisbursementRequest'];
export type ContributionRequest = FinancingSchemas['schemas']['ContributionRequest'];
export type Transition = FinancingSchemas['schemas']['TransitionDto'];
export type Programme = FinancingSchemas['schemas']['ProgrammeDto'];
export type Network = NetworksSchemas['schemas']['NetworkSummary'];

export const planStatuses: readonly PlanStatus[] = ['Draft', 'Submitted', 'Returned', 'Approved', 'InExecution', 'Rejected', 'Closed'];
export const categories: readonly BudgetCategory[] = ['Equipment', 'Infrastructure', 'TechnicalAssistance', 'Training', 'Marketing', 'WorkingCapital', 'Other'];

/** Query keys of the plans pages: a write invalidates the family. */
export const keys = {
  plans: ['plans'] as const,
  plan: (id: string) => ['plans', 'one', id] as const,
  programmes: ['plans', 'programmes'] as const,
  networks: ['plans', 'networks'] as const,
};

export const pageSize = 20;
/** The largest page the services give: enough to name every programme and network of an institution. */
const directorySize = 200;

/** Every programme the institution sees: national ones and its own. */
export function useProgrammes() {
  return useQuery({
    queryKey: keys.programmes,
    queryFn: async () => orThrow(await api.GET('/api/programmes', { params: { query: { PageSize: directorySize } } })).items,
    staleTime: 60_000,
  });
}

/** The institution's networks, to name them and to choose a plan's network among those the person may draft for. */
export function useNetworks() {
  return useQuery({
    queryKey: keys.networks,
    queryFn: async () => orThrow(await api.GET('/api/networks', { params: { query: { PageSize: directorySize } } })).items,
    staleTime: 60_000,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: keys.plan(id),
    queryFn: async () => orThrow(await api.GET('/api/business-plans/{id}', { params: { path: { id } } })),
  });
}

/** Supervisors and tenant admins act on every plan of the institution (Financing's PlanRights). */
export const actsOnEverything = (user: User | null | undefined) => hasRole(user, 'Supervisor', 'TenantAdmin');

/** Who may draft, edit, submit and record contributions for a network's plans: its specialist, a supervisor, an admin. */
export function canDraftFor(user: User | null | undefined, network: Pick<Network, 'specialistId'> | undefined): boolean {
  if (actsOnEverything(user)) return true;
  return !!user && !!network && hasRole(user, 'Specialist') && network.specialistId === user.id;
}

/** May start new plans at all (the Specialist policy: specialists, supervisors, admins). */
export const mayDraft = (user: User | null | undefined) => hasRole(user, 'Specialist', 'Supervisor', 'TenantAdmin');

/** The name of an id in a directory, or the id's first characters while it loads or when it is unknown. */
export function nameIn(directory: readonly { id: string; name: string }[] | undefined, id: string): string {
  return directory?.find((entry) => entry.id === id)?.name ?? id.slice(0, 8);
}

/** The page number in a URL's search parameters (1 when absent or not a number). */
export function pageOf(search: URLSearchParams): number {
  const page = Number(search.get('pagina'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** Today in Lima, as an ISO date. */
export const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'America/Lima' });
