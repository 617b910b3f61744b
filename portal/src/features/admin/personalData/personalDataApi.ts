import { api, type FinancingSchemas, type NetworksSchemas, type ReportingSchemas } from '../../../shared/api/client';
import { orThrow } from '../../../shared/api/problem';

type Networks = NetworksSchemas['schemas'];
export type FoundProducer = Networks['ProducerSummary'];
export type NetworksPart = Networks['ProducerDataPart'];
export type FinancingPart = FinancingSchemas['schemas']['FinancingDataPart'];
export type ReportingPart = ReportingSchemas['schemas']['ReportingDataPart'];
export type PersonalDataRead = Networks['PersonalDataReadDto'];
export type PersonalDataAction = Networks['PersonalDataAction'];

export const personalDataActions = ['ProducerOpened', 'ProducersListed', 'ProducersExported', 'ProducerDataExported'] as const satisfies readonly PersonalDataAction[];

/** The services that keep a log of personal-data reads, each behind its own address (decision 0027). */
export const logServices = ['networks', 'financing', 'reporting'] as const;
export type LogService = (typeof logServices)[number];

const logPaths = {
  networks: '/api/producers/personal-data/reads',
  financing: '/api/financing/personal-data/reads',
  reporting: '/api/reporting/personal-data/reads',
} as const satisfies Record<LogService, string>;

/** Everything the platform holds about one producer: each service's own part, composed by the portal (decision 0027). */
export interface PersonalDataBundle {
  generatedAt: string;
  producerId: string;
  networks: NetworksPart;
  /** Null for an erased producer: Financing is asked by name, and no name is left to ask with (decision 0028). */
  financing: FinancingPart | null;
  reporting: ReportingPart;
}

export const personalDataKeys = {
  reads: (service: LogService, query: object) => ['admin', 'personalData', 'reads', service, query] as const,
};

/** The producer with exactly this DNI: the list's search also matches names and parts of DNIs, so the match is checked. */
export async function findByDni(dni: string): Promise<FoundProducer | null> {
  const result = orThrow(await api.GET('/api/producers', { params: { query: { Search: dni, PageSize: 20 } } }));
  return result.items.find((producer) => producer.dni === dni) ?? null;
}

/** Networks first: its part says whom to look for in Financing (full name) and where (the person's networks). */
export async function exportPersonalData(producerId: string, now: Date = new Date()): Promise<PersonalDataBundle> {
  const path = { params: { path: { id: producerId } } };
  const networks = orThrow(await api.GET('/api/producers/{id}/personal-data', path));
  const { producer, memberships } = networks;
  const financing = producer.erasedAt
    ? null
    : orThrow(
        await api.POST('/api/financing/personal-data/producers/{id}', {
          ...path,
          body: { fullName: `${producer.firstNames} ${producer.lastNames}`, networkIds: [...new Set(memberships.map((m) => m.networkId))] },
        }),
      );
  const reporting = orThrow(await api.GET('/api/reporting/personal-data/producers/{id}', path));
  return { generatedAt: now.toISOString(), producerId, networks, financing, reporting };
}

export interface ReadFilters {
  action: '' | PersonalDataAction;
  producer: string;
  from: string;
  to: string;
}

/** One page of a service's read log, newest first; empty filters are left out. */
export async function readLog(service: LogService, page: number, pageSize: number, filters: ReadFilters) {
  const query = {
    Page: page,
    PageSize: pageSize,
    Action: filters.action || undefined,
    Producer: filters.producer || undefined,
    From: filters.from || undefined,
    To: filters.to || undefined,
  };
  return orThrow(await api.GET(logPaths[service], { params: { query } }));
}

/** The bundle as the file the admin hands to the person. */
export function bundleHref(bundle: PersonalDataBundle): string {
  return `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(bundle, null, 2))}`;
}
