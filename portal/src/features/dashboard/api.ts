import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { toApiQuery, type Filters } from './filters';

export function useDashboard(filters: Filters) {
  return useQuery({
    queryKey: ['reporting', 'dashboard', filters],
    queryFn: async () => orThrow(await api.GET('/api/reporting/dashboard', { params: { query: toApiQuery(filters) } })),
  });
}

export function useSeries(filters: Filters) {
  return useQuery({
    queryKey: ['reporting', 'series', filters],
    queryFn: async () => orThrow(await api.GET('/api/reporting/dashboard/series', { params: { query: toApiQuery(filters) } })),
  });
}

export function useNational() {
  return useQuery({
    queryKey: ['reporting', 'national'],
    queryFn: async () => orThrow(await api.GET('/api/reporting/national')),
  });
}

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
