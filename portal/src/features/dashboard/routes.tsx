import type { RouteObject } from 'react-router';
import { page } from '../../app/guarded';

export const dashboardRoutes: RouteObject[] = [
  page('/panel', () => import('./DashboardPage'), ['TenantAdmin', 'Supervisor', 'Specialist', 'Viewer']),
  page('/nacional/cifras', () => import('./NationalFiguresPage'), ['NationalUnit']),
];
