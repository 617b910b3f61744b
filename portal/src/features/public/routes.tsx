import type { RouteObject } from 'react-router';
import { page } from '../../app/guarded';

export const publicRoutes: RouteObject[] = [
  page('/', () => import('./LandingPage')),
  page('/registro', () => import('./ApplyPage')),
  page('/registro/estado', () => import('./ApplicationStatusPage')),
  page('/invitacion', () => import('./AcceptInvitationPage')),
  page('/restablecer', () => import('./ResetPasswordPage')),
];
