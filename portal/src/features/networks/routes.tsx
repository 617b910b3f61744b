import type { FetchQueryOptions } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { page } from '../../app/guarded';
import { networkQuery } from './api';

const readers = ['TenantAdmin', 'Supervisor', 'Specialist', 'Viewer'] as const;
const formers = ['TenantAdmin', 'Supervisor', 'Specialist'] as const;

/** The network named in /redes/{id}[/monitoreo], fetched while the page's code loads. */
const networkOf = (url: URL): FetchQueryOptions[] => {
  const id = url.pathname.split('/')[2];
  return id && id !== 'nueva' ? [networkQuery(decodeURIComponent(id)) as FetchQueryOptions] : [];
};

/** Business networks: list, formation, one network (members, phases, hand-over) and its monitoring. */
export const networksRoutes: RouteObject[] = [
  page('/redes', () => import('./NetworksPage'), readers),
  page('/redes/nueva', () => import('./NewNetworkPage'), formers),
  page('/redes/:id', () => import('./NetworkPage'), readers, { prefetch: networkOf }),
  page('/redes/:id/monitoreo', () => import('./MonitoringPage'), readers, { prefetch: networkOf }),
];
