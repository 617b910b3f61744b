import { screen, within } from '@testing-library/react';
import { json, renderPage, stubFetch } from '../../test/render';
import HomePage from './HomePage';
import { application, page, review, tenant } from './testing';

describe('the national unit home', () => {
  it('counts and links what waits: applications, submissions and institutions by status', async () => {
    const calls = stubFetch({
      'GET /api/onboarding/applications': () => json(page([application()], 7)),
      'GET /api/national/reviews': () => json(page([review({ status: 'Pending' })], 12)),
      'GET /api/tenants': (request) => {
        const status = new URL(request.url).searchParams.get('Status');
        return json(page(status ? [] : [tenant()], status === 'Active' ? 40 : status === 'Suspended' ? 3 : 1));
      },
    });
    renderPage(<HomePage />, { path: '/nacional' });

    const applications = screen.getByRole('region', { name: 'Solicitudes de instituciones pendientes' });
    expect(await within(applications).findByText('7')).toBeInTheDocument();
    expect(within(applications).getByRole('link', { name: 'Gobierno Regional de Puno' })).toHaveAttribute('href', `/nacional/solicitudes?solicitud=${application().id}`);

    const reviews = screen.getByRole('region', { name: 'Postulaciones en la mesa de revisión' });
    expect(await within(reviews).findByText('12')).toBeInTheDocument();
    expect(within(reviews).getByRole('link', { name: 'Quinua · Puno' })).toHaveAttribute('href', `/nacional/revisiones/${review().id}`);

    const institutions = screen.getByRole('region', { name: 'Instituciones' });
    expect(await within(institutions).findByRole('link', { name: '40' })).toHaveAttribute('href', '/nacional/instituciones?estado=Active');
    expect(await within(institutions).findByRole('link', { name: '3' })).toBeInTheDocument();
    const applicationsCall = calls.find((call) => new URL(call.url).pathname === '/api/onboarding/applications')!;
    expect(new URL(applicationsCall.url).searchParams.get('status')).toBe('Pending');
  });

  it('says when nothing is pending', async () => {
    stubFetch({
      'GET /api/onboarding/applications': () => json(page([])),
      'GET /api/national/reviews': () => json(page([])),
      'GET /api/tenants': () => json(page([])),
    });
    renderPage(<HomePage />, { path: '/nacional' });
    expect(await screen.findByText('No hay solicitudes pendientes.')).toBeInTheDocument();
    expect(await screen.findByText('No hay postulaciones pendientes.')).toBeInTheDocument();
  });
});
