import type { RouteObject } from 'react-router';
import { page } from '../../app/guarded';

const tenantRoles = ['TenantAdmin', 'Supervisor', 'Specialist', 'Viewer'] as const;
const drafters = ['TenantAdmin', 'Supervisor', 'Specialist'] as const;

export const planRoutes: RouteObject[] = [
  page('/planes', () => import('./PlansPage'), tenantRoles),
  page('/planes/nuevo', () => import('./PlanNewPage'), drafters),
  page('/planes/:id', () => import('./PlanPage'), tenantRoles),
];
