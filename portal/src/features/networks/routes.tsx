import type { RouteObject } from 'react-router';
import { page } from '../../app/guarded';

const readers = ['TenantAdmin', 'Supervisor', 'Specialist', 'Viewer'] as const;
const formers = ['TenantAdmin', 'Supervisor', 'Specialist'] as const;

/** Business networks: list, formation, one network (members, phases, hand-over) and its monitoring. */
export const networksRoutes: RouteObject[] = [
  page('/redes', () => import('./NetworksPage'), readers),
  page('/redes/nueva', () => import('./NewNetworkPage'), formers),
  page('/redes/:id', () => import('./NetworkPage'), readers),
  page('/redes/:id/monitoreo', () => import('./MonitoringPage'), readers),
];
