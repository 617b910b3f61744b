import type { RouteObject } from 'react-router';
import { page } from '../../app/guarded';

export const profileRoutes: RouteObject[] = [
  page('/perfil', () => import('./ProfilePage'), ['NationalUnit', 'TenantAdmin', 'Supervisor', 'Specialist', 'Viewer']),
];
