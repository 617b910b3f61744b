import type { RouteObject } from 'react-router';

export const nationalRoutes: RouteObject[] = [];
