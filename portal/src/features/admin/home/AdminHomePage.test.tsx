import { screen, within } from '@testing-library/react';
import { json, renderPage, stubFetch } from '../../../test/render';
import { page, summary, tenant } from '../testData';
import AdminHomePage from './AdminHomePage';

const me = { id: 'a', name: 'Ana Admin', email: 'ana@regionpuno.gob.pe', roles: ['TenantAdmin'], tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name }, language: 'es' };

describe('the administrator’s home', () => {
  it('lists pending invitations, specialists not ready, and active staff by role', async () => {
    stubFetch({
      'GET /bff/user': () => json(me),
      'GET /api/staff': () =>
        json(
          page([
            summary({ id: '1', fullName: 'Ana Admin', roles: ['TenantAdmin', 'Supervisor'] }),
            summary({ id: '2', fullName: 'Luis Condori', email: 'luis@regionpuno.gob.pe', invitationPending: true, isTrained: false, meetsSelectionCriteria: false }),
            summary({ id: '3', fullName: 'Rosa Quispe', meetsSelectionCriteria: false }),
            summary({ id: '4', fullName: 'Eva Ramos' }),
            summary({ id: '5', fullName: 'Juan Inactivo', isActive: false, isTrained: false }),
          ]),
        ),
    });
    renderPage(<AdminHomePage />, { path: '/inicio' });

    const invitations = within(await screen.findByRole('region', { name: '1 invitación sin aceptar' }));
    expect(invitations.getByRole('link', { name: 'Luis Condori' })).toHaveAttribute('href', '/personal/2');

    const specialists = within(screen.getByRole('region', { name: '2 especialistas por completar' }));
    expect(specialists.getAllByRole('link').map((link) => link.textContent)).toEqual(['Luis Condori', 'Rosa Quispe']);
    expect(specialists.getAllByText('Criterios de selección pendientes')).toHaveLength(2);
    expect(specialists.getAllByText('Sin capacitación aprobada')).toHaveLength(1);

    const byRole = within(screen.getByRole('table', { name: 'Personal activo por rol' }));
    expect(byRole.getByRole('row', { name: 'Especialista 3' })).toBeInTheDocument();
    expect(byRole.getByRole('row', { name: 'Administrador 1' })).toBeInTheDocument();
    expect(byRole.getByRole('row', { name: 'Lector 0' })).toBeInTheDocument();
    expect(byRole.getByRole('row', { name: 'Total de personas activas 4' })).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Invitar a una persona' })).toHaveAttribute('href', '/personal/invitar');
    expect(screen.getByRole('link', { name: 'Unidades orgánicas' })).toHaveAttribute('href', '/unidades');
    expect(screen.getByRole('link', { name: 'Auditoría' })).toHaveAttribute('href', '/auditoria');
  });
});
