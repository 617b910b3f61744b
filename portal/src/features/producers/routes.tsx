import type { FetchQueryOptions } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { page } from '../../app/guarded';
import { producerQuery } from './api';

const readers = ['TenantAdmin', 'Supervisor', 'Specialist', 'Viewer'] as const;
const writers = ['TenantAdmin', 'Supervisor', 'Specialist'] as const;

/** Producers: every role of the institution reads; specialists, supervisors and administrators register and import. */
export const producersRoutes: RouteObject[] = [
  page('/productores', () => import('./ProducersListPage'), readers),
  page('/productores/nuevo', () => import('./NewProducerPage'), writers),
  page('/productores/importar', () => import('./ImportPage'), writers),
  page('/productores/:id', () => import('./ProducerPage'), readers, {
    prefetch: (url) => [producerQuery(url.pathname.split('/')[2] ?? '')] as FetchQueryOptions[],
  }),
];
