import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { toApiQuery, type Filters } from './filters';

export const dashboardQuery = (filters: Filters) =>
  queryOptions({
    queryKey: ['reporting', 'dashboard', filters],
    queryFn: async () => orThrow(await api.GET('/api/reporting/dashboard', { params: { query: toApiQuery(filters) } })),
  });

export const seriesQuery = (filters: Filters) =>
  queryOptions({
    queryKey: ['reporting', 'series', filters],
    queryFn: async () => orThrow(await api.GET('/api/reporting/dashboard/series', { params: { query: toApiQuery(filters) } })),
  });

export const nationalQuery = queryOptions({
  queryKey: ['reporting', 'national'],
  queryFn: async () => orThrow(await api.GET('/api/reporting/national')),
});

export const useDashboard = (filters: Filters) => useQuery(dashboardQuery(filters));
export const useSeries = (filters: Filters) => useQuery(seriesQuery(filters));
export const useNational = () => useQuery(nationalQuery);

/** The region layer's outlines, projected: a static file fetched when a map is first shown, never in the bundle. */
export interface RegionShapes {
  width: number;
  height: number;
  regions: Record<string, string>;
}

export const regionShapesUrl = '/geo/peru-regions.json';

export function useRegionShapes() {
  return useQuery({
    queryKey: ['geo', 'regions'],
    queryFn: async (): Promise<RegionShapes> => {
      const response = await fetch(regionShapesUrl, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${regionShapesUrl} answered ${response.status}`);
      return (await response.json()) as RegionShapes;
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
