import type { RouteObject } from 'react-router';
import { page } from '../../app/guarded';

const national = ['NationalUnit'] as const;

export const nationalRoutes: RouteObject[] = [
  page('/nacional', () => import('./HomePage'), national),
  page('/nacional/solicitudes', () => import('./ApplicationsPage'), national),
  page('/nacional/instituciones', () => import('./InstitutionsPage'), national),
  page('/nacional/instituciones/:id', () => import('./InstitutionPage'), national),
  page('/nacional/programas', () => import('./ProgrammesPage'), national),
  page('/nacional/programas/nuevo', () => import('./ProgrammeNewPage'), national),
  page('/nacional/programas/:id', () => import('./ProgrammePage'), national),
  page('/nacional/revisiones', () => import('./ReviewsPage'), national),
  page('/nacional/revisiones/:id', () => import('./ReviewPage'), national),
];
