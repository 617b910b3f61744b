import type { FetchQueryOptions } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { page } from '../../app/guarded';
import { valueChainsQuery } from '../../shared/format/valueChains';
import { myWorkQuery, returnedPlansQuery } from './api';

/** "Mi trabajo": the home of specialists and supervisors (administrators may open it too). */
export const workRoutes: RouteObject[] = [
  page('/mi-trabajo', () => import('./MyWorkPage'), ['Specialist', 'Supervisor', 'TenantAdmin'], {
    prefetch: () => [myWorkQuery, returnedPlansQuery, valueChainsQuery] as FetchQueryOptions[],
  }),
];
