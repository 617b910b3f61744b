import type { Role } from '../shared/session/session';

export interface NavItem {
  path: string;
  /** Translation key in the common namespace. */
  label: string;
  roles: readonly Role[];
}

const tenantRoles: readonly Role[] = ['TenantAdmin', 'Supervisor', 'Specialist', 'Viewer'];

/** The main navigation, by role: each person sees the pages their role may use, and no others. */
export const navigation: readonly NavItem[] = [
  { path: '/nacional', label: 'nav.home', roles: ['NationalUnit'] },
  { path: '/nacional/solicitudes', label: 'nav.applications', roles: ['NationalUnit'] },
  { path: '/nacional/instituciones', label: 'nav.institutions', roles: ['NationalUnit'] },
  { path: '/nacional/programas', label: 'nav.programmes', roles: ['NationalUnit'] },
  { path: '/nacional/revisiones', label: 'nav.reviews', roles: ['NationalUnit'] },
  { path: '/nacional/cifras', label: 'nav.nationalFigures', roles: ['NationalUnit'] },
  { path: '/inicio', label: 'nav.home', roles: ['TenantAdmin'] },
  { path: '/mi-trabajo', label: 'nav.myWork', roles: ['Specialist', 'Supervisor', 'TenantAdmin'] },
  { path: '/panel', label: 'nav.dashboard', roles: tenantRoles },
  { path: '/productores', label: 'nav.producers', roles: tenantRoles },
  { path: '/redes', label: 'nav.networks', roles: tenantRoles },
  { path: '/planes', label: 'nav.plans', roles: tenantRoles },
  { path: '/personal', label: 'nav.staff', roles: ['TenantAdmin'] },
  { path: '/unidades', label: 'nav.orgUnits', roles: ['TenantAdmin'] },
  { path: '/auditoria', label: 'nav.audit', roles: ['TenantAdmin'] },
  { path: '/datos-personales', label: 'nav.personalData', roles: ['TenantAdmin'] },
  { path: '/ajustes', label: 'nav.settings', roles: ['TenantAdmin'] },
  { path: '/sincronizacion', label: 'nav.sync', roles: ['Specialist', 'Supervisor', 'TenantAdmin'] },
  { path: '/perfil', label: 'nav.profile', roles: ['NationalUnit', ...tenantRoles] },
];
