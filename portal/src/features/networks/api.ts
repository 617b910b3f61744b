import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type NetworksSchemas, type TenantsSchemas } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { hasRole, type User } from '../../shared/session/session';

type Schemas = NetworksSchemas['schemas'];
export type NetworkSummary = Schemas['NetworkSummary'];
export type NetworkDetails = Schemas['NetworkDetails'];
export type MemberDto = Schemas['MemberDto'];
export type MembershipDto = Schemas['MembershipDto'];
export type LeaderChangeDto = Schemas['LeaderChangeDto'];
export type PhaseChangeDto = Schemas['PhaseChangeDto'];
export type Phase = Schemas['Phase'];
export type LegalForm = Schemas['LegalForm'];
export type EvidenceSummary = Schemas['EvidenceSummary'];
export type MonitoringRecordDto = Schemas['MonitoringRecordDto'];
export type MonitoringRequest = Schemas['MonitoringRequest'];
export type ProducerSummary = Schemas['ProducerSummary'];
export type SpecialistAssignmentDto = Schemas['SpecialistAssignmentDto'];
export type ChangePhaseRequest = Schemas['ChangePhaseRequest'];
export type UpdateNetworkRequest = Schemas['UpdateNetworkRequest'];
export type StaffSummary = TenantsSchemas['schemas']['StaffSummary'];

export const legalForms: readonly LegalForm[] = ['Informal', 'Association', 'Cooperative'];

export type NetworkListQuery = {
  Page: number;
  PageSize: number;
  Search?: string;
  Region?: string;
  Chain?: string;
  Phase?: Phase;
  Specialist?: string;
  WomenLed?: boolean;
};

export const networkKeys = {
  all: ['networks'] as const,
  list: (query: NetworkListQuery) => ['networks', 'list', query] as const,
  one: (id: string) => ['networks', id] as const,
  phases: (id: string) => ['networks', id, 'phases'] as const,
  members: (id: string) => ['networks', id, 'members'] as const,
  leaders: (id: string) => ['networks', id, 'leaders'] as const,
  specialists: (id: string) => ['networks', id, 'specialists'] as const,
  monitoring: (id: string) => ['networks', id, 'monitoring'] as const,
  producers: (search: string) => ['producers', 'pick', search] as const,
  specialistList: ['specialists'] as const,
};

export const networkQuery = (id: string) =>
  queryOptions({
    queryKey: networkKeys.one(id),
    queryFn: async () => orThrow(await api.GET('/api/networks/{id}', { params: { path: { id } } })),
  });

export const useNetwork = (id: string) => useQuery(networkQuery(id));

export const usePhases = (id: string) =>
  useQuery({
    queryKey: networkKeys.phases(id),
    queryFn: async () => orThrow(await api.GET('/api/networks/{id}/phases', { params: { path: { id } } })),
  });

export const useMembershipHistory = (id: string) =>
  useQuery({
    queryKey: networkKeys.members(id),
    queryFn: async () => orThrow(await api.GET('/api/networks/{id}/members/history', { params: { path: { id } } })),
  });

export const useLeaderHistory = (id: string) =>
  useQuery({
    queryKey: networkKeys.leaders(id),
    queryFn: async () => orThrow(await api.GET('/api/networks/{id}/leaders', { params: { path: { id } } })),
  });

export const useSpecialistHistory = (id: string) =>
  useQuery({
    queryKey: networkKeys.specialists(id),
    queryFn: async () => orThrow(await api.GET('/api/networks/{id}/specialists', { params: { path: { id } } })),
  });

export const useMonitoring = (id: string) =>
  useQuery({
    queryKey: networkKeys.monitoring(id),
    queryFn: async () => orThrow(await api.GET('/api/networks/{id}/monitoring', { params: { path: { id } } })),
  });

/**
 * The institution's active specialists, for a supervisor picking who forms or takes over a network. Networks has no
 * list of them yet; Tenants' staff list answers for administrators (a supervisor gets 403: the picker says so).
 */
export function useSpecialists(enabled: boolean) {
  return useQuery({
    queryKey: networkKeys.specialistList,
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async () => orThrow(await api.GET('/api/specialists')),
  });
}

/** Producers of the institution matching a search, active only, for choosing members. */
export const useProducerSearch = (search: string) =>
  useQuery({
    queryKey: networkKeys.producers(search),
    staleTime: 60_000,
    // The earlier results stay while the next search travels, so the list does not flicker under the keyboard.
    placeholderData: keepPreviousData,
    queryFn: async () =>
      orThrow(await api.GET('/api/producers', { params: { query: { Search: search || undefined, Active: true, PageSize: 20 } } })).items,
  });

/** Who may change a network (EditorRights.cs): supervisors and admins any of the tenant's, a specialist their own. */
export function canEditNetwork(user: User | null | undefined, specialistId: string): boolean {
  if (hasRole(user, 'TenantAdmin', 'Supervisor')) return true;
  return hasRole(user, 'Specialist') && user?.id === specialistId;
}

/** Forming a network: the Specialist policy (Specialist, Supervisor, TenantAdmin). */
export const canFormNetworks = (user: User | null | undefined) => hasRole(user, 'TenantAdmin', 'Supervisor', 'Specialist');

/** Handing a network over: the Supervisor policy (Supervisor, TenantAdmin). */
export const canHandOver = (user: User | null | undefined) => hasRole(user, 'TenantAdmin', 'Supervisor');

export const producerName = (p: Pick<ProducerSummary, 'firstNames' | 'lastNames'>) => `${p.firstNames} ${p.lastNames}`;

/** The file's address on the same origin (an <img src> or a download link). */
export const evidenceUrl = (e: Pick<EvidenceSummary, 'networkId' | 'id'>) => `/api/networks/${e.networkId}/evidence/${e.id}/content`;

/** A timeline entry's note (the service's `evidence` text) and its files (`evidenceFiles`, from part 2 on). */
export function entryEvidence(entry: PhaseChangeDto): { files: EvidenceSummary[]; note: string | undefined } {
  return { files: entry.evidenceFiles ?? [], note: entry.evidence || undefined };
}

/** Today in Peru (UTC−5, no daylight saving), as the services' PeruToday(): yyyy-mm-dd. */
export function peruToday(now: Date = new Date()): string {
  return new Date(now.getTime() - 5 * 3600_000).toISOString().slice(0, 10);
}
