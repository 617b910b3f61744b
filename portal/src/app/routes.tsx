import type { RouteObject } from 'react-router';
import { Layout } from './Layout';
import { page } from './guarded';
import { publicRoutes } from '../features/public/routes';
import { profileRoutes } from '../features/profile/routes';
import { nationalRoutes } from '../features/national/routes';
import { adminRoutes } from '../features/admin/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { producersRoutes } from '../features/producers/routes';
import { workRoutes } from '../features/work/routes';
import { planRoutes } from '../features/plans/routes';
import { networksRoutes } from '../features/networks/routes';
import { offlineRoutes } from '../features/offline/routes';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      ...publicRoutes,
      ...profileRoutes,
      ...nationalRoutes,
      ...adminRoutes,
      ...dashboardRoutes,
      ...workRoutes,
      ...producersRoutes,
      ...planRoutes,
      ...networksRoutes,
      ...offlineRoutes,
      page('*', () => import('./NotFoundPage')),
    ],
  },
];
