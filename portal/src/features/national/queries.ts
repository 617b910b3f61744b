import { useQuery } from '@tanstack/react-query';
import { api, type FinancingSchemas, type TenantsSchemas } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';

export type Application = TenantsSchemas['schemas']['ApplicationDto'];
export type ApplicationStatus = TenantsSchemas['schemas']['ApplicationStatus'];
export type Tenant = TenantsSchemas['schemas']['TenantDto'];
export type TenantStatus = TenantsSchemas['schemas']['TenantStatus'];
export type TenantStatusChange = TenantsSchemas['schemas']['TenantStatusChangeDto'];
export type Programme = FinancingSchemas['schemas']['ProgrammeDto'];
export type ProgrammeRequest = FinancingSchemas['schemas']['PublishProgrammeRequest'];
export type Review = FinancingSchemas['schemas']['NationalReviewDto'];
export type ReviewStatus = FinancingSchemas['schemas']['ReviewStatus'];
export type DisbursementRequest = FinancingSchemas['schemas']['DisbursementRequest'];

export const applicationStatuses: readonly ApplicationStatus[] = ['Pending', 'Approved', 'Rejected'];
export const tenantStatuses: readonly TenantStatus[] = ['Active', 'Suspended'];
export const reviewStatuses: readonly ReviewStatus[] = ['Pending', 'Approved', 'Rejected', 'Returned'];

/** Query keys of the national unit's pages: a write invalidates its whole family. */
export const keys = {
  applications: ['national', 'applications'] as const,
  tenants: ['national', 'tenants'] as const,
  programmes: ['national', 'programmes'] as const,
  reviews: ['national', 'reviews'] as const,
};

export const pageSize = 20;
/** The largest page the services give: enough to name every institution and programme in filters and tables. */
const directorySize = 200;

/** Every institution by id, to name the tenant ids in reviews and budgets and to filter by institution. */
export function useInstitutionDirectory() {
  return useQuery({
    queryKey: [...keys.tenants, 'directory'],
    queryFn: async () => orThrow(await api.GET('/api/tenants', { params: { query: { PageSize: directorySize } } })).items,
    staleTime: 5 * 60_000,
  });
}

/** Every programme the national unit sees, to name and filter by programme. */
export function useProgrammeDirectory() {
  return useQuery({
    queryKey: [...keys.programmes, 'directory'],
    queryFn: async () => orThrow(await api.GET('/api/programmes', { params: { query: { PageSize: directorySize } } })).items,
    staleTime: 5 * 60_000,
  });
}

/** The name of an id in a directory, or the id's first characters while it loads or when it is unknown. */
export function nameIn(directory: readonly { id: string; name: string }[] | undefined, id: string): string {
  return directory?.find((entry) => entry.id === id)?.name ?? id.slice(0, 8);
}

/** The page number in a URL's search parameters (1 when absent or not a number). */
export function pageOf(search: URLSearchParams): number {
  const page = Number(search.get('pagina'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}
