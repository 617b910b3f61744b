import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type NetworksSchemas } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { hasRole, type User } from '../../shared/session/session';

type Schemas = NetworksSchemas['schemas'];
export type ProducerSummary = Schemas['ProducerSummary'];
export type Producer = Schemas['ProducerDto'];
export type ProducerRequest = Schemas['ProducerRequest'];
export type Income = Schemas['IncomeDto'];
export type IncomeKind = Schemas['IncomeKind'];
export type District = Schemas['DistrictDto'];
export type PlaceRegion = Schemas['Region'];
export type ImportReport = Schemas['ImportReport'];
export type Gender = Schemas['Gender'];

export const genders = ['Female', 'Male'] as const satisfies readonly Gender[];
export const incomeKinds = ['Baseline', 'FollowUp'] as const satisfies readonly IncomeKind[];

export type ProducerListQuery = {
  Page: number;
  PageSize: number;
  Search?: string;
  Region?: string;
  District?: string;
  Gender?: Gender;
  Network?: string;
  Chain?: string;
  Active?: boolean;
};

export const producerKeys = {
  all: ['producers'] as const,
  list: (query: ProducerListQuery) => ['producers', 'list', query] as const,
  one: (id: string) => ['producers', 'one', id] as const,
  incomes: (id: string) => ['producers', 'incomes', id] as const,
};

/** The services' largest page: reference lists are read whole, page by page. */
const wholePage = 200;

export const producerQuery = (id: string) =>
  queryOptions({
    queryKey: producerKeys.one(id),
    queryFn: async () => orThrow(await api.GET('/api/producers/{id}', { params: { path: { id } } })),
  });

export const useProducer = (id: string) => useQuery(producerQuery(id));

export const useIncomes = (id: string) =>
  useQuery({
    queryKey: producerKeys.incomes(id),
    queryFn: async () => orThrow(await api.GET('/api/producers/{id}/incomes', { params: { path: { id } } })),
  });

/** The departments as the platform divides them (Lima split in Metropolitana and Provincias); they never change. */
export const regionsQuery = queryOptions({
  queryKey: ['places', 'regions'],
  queryFn: async () => orThrow(await api.GET('/api/places/regions')),
  staleTime: Infinity,
});

export const useRegions = () => useQuery(regionsQuery);

/** Every district of a region (at most a few hundred), for the province and district choices and for names. */
export const districtsQuery = (region: string) =>
  queryOptions({
    queryKey: ['places', 'districts', region],
    queryFn: async () => {
      const districts: District[] = [];
      for (let page = 1; ; page++) {
        const result = orThrow(await api.GET('/api/places/districts', { params: { query: { region, Page: page, PageSize: wholePage } } }));
        districts.push(...result.items);
        if (districts.length >= Number(result.totalCount) || result.items.length === 0) return districts;
      }
    },
    staleTime: Infinity,
  });

export const useDistricts = (region: string) => useQuery({ ...districtsQuery(region), enabled: region !== '' });

/** Specialists, supervisors and administrators register, import and export producers (Networks' Specialist policy). */
export const canWriteProducers = (user: User | null | undefined) => hasRole(user, 'Specialist', 'Supervisor', 'TenantAdmin');

/** Supervisors and administrators change every producer; a specialist those they registered (Networks' EditorRights). */
export function canEditProducer(user: User | null | undefined, producer: Pick<Producer, 'registeredBy'>): boolean {
  if (hasRole(user, 'Supervisor', 'TenantAdmin')) return true;
  return hasRole(user, 'Specialist') && !!user && producer.registeredBy === user.id;
}

export const fullName = (producer: Pick<ProducerSummary, 'firstNames' | 'lastNames'>) => `${producer.firstNames} ${producer.lastNames}`;

/** Today in the user's time zone as yyyy-mm-dd (what a date input holds). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
