import type { FetchQueryOptions } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { page } from '../../app/guarded';
import { valueChainsQuery } from '../../shared/format/valueChains';
import { dashboardQuery, nationalQuery, seriesQuery } from './api';
import { readFilters } from './filters';

export const dashboardRoutes: RouteObject[] = [
  page('/panel', () => import('./DashboardPage'), ['TenantAdmin', 'Supervisor', 'Specialist', 'Viewer'], {
    prefetch: (url) => {
      const filters = readFilters(url.searchParams);
      return [dashboardQuery(filters), seriesQuery(filters), valueChainsQuery] as FetchQueryOptions[];
    },
  }),
  page('/nacional/cifras', () => import('./NationalFiguresPage'), ['NationalUnit'], {
    prefetch: () => [nationalQuery, valueChainsQuery] as FetchQueryOptions[],
  }),
];
