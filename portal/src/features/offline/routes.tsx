import type { RouteObject } from 'react-router';
import { page } from '../../app/guarded';
import { queueRoles } from '../../shared/offline/OfflineStatus';

export const offlineRoutes: RouteObject[] = [page('/sincronizacion', () => import('./SyncPage'), queueRoles)];
