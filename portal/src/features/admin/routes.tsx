import type { RouteObject } from 'react-router';
import { page } from '../../app/guarded';

const admin = ['TenantAdmin'] as const;

/** The institution administrator's pages: home, staff, org units, the audit log, producers' personal data and the institution's settings. */
export const adminRoutes: RouteObject[] = [
  page('/inicio', () => import('./home/AdminHomePage'), admin),
  page('/personal', () => import('./staff/StaffListPage'), admin),
  page('/personal/invitar', () => import('./staff/InvitePage'), admin),
  page('/personal/:id', () => import('./staff/StaffPage'), admin),
  page('/unidades', () => import('./orgUnits/OrgUnitsPage'), admin),
  page('/auditoria', () => import('./audit/AuditPage'), admin),
  page('/datos-personales', () => import('./personalData/PersonalDataPage'), admin),
  page('/ajustes', () => import('./settings/SettingsPage'), admin),
];
