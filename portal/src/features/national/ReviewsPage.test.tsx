import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderPage, stubFetch } from '../../test/render';
import ReviewsPage from './ReviewsPage';
import { page, programme, review, tenant } from './testing';

describe('the review desk queue', () => {
  it('lists pending submissions first, with names for the institution, programme, chain and region', async () => {
    const calls = stubFetch({
      'GET /api/national/reviews': () => json(page([review({ status: 'Pending' })])),
      'GET /api/programmes': () => json(page([programme()])),
      'GET /api/tenants': () => json(page([tenant()])),
    });
    renderPage(<ReviewsPage />, { path: '/nacional/revisiones' });

    const row = (await screen.findByRole('link', { name: 'Quinua · Puno' })).closest('tr')!;
    expect(await within(row).findByText('Gobierno Regional de Puno')).toBeInTheDocument();
    expect(await within(row).findByText('Procompite Andino')).toBeInTheDocument();
    expect(within(row).getByText('S/ 80,000.00')).toBeInTheDocument();
    expect(within(row).getByText('30.4%')).toBeInTheDocument();
    const reviewsCall = calls.find((call) => new URL(call.url).pathname === '/api/national/reviews')!;
    expect(new URL(reviewsCall.url).searchParams.get('Status')).toBe('Pending');
  });

  it('filters by programme and institution', async () => {
    const calls = stubFetch({
      'GET /api/national/reviews': () => json(page([])),
      'GET /api/programmes': () => json(page([programme()])),
      'GET /api/tenants': () => json(page([tenant()])),
    });
    renderPage(<ReviewsPage />, { path: '/nacional/revisiones' });
    expect(await screen.findByText('No hay postulaciones con estos filtros.')).toBeInTheDocument();

    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Programa' }), await screen.findByRole('option', { name: 'Procompite Andino' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Institución' }), await screen.findByRole('option', { name: 'Gobierno Regional de Puno' }));

    await vi.waitFor(() => {
      const query = new URL(calls.filter((call) => new URL(call.url).pathname === '/api/national/reviews').at(-1)!.url).searchParams;
      expect(query.get('Programme')).toBe(programme().id);
      expect(query.get('Tenant')).toBe(tenant().id);
      expect(query.get('Status')).toBe('Pending');
    });
  });

  it('shows an error from the desk in Spanish', async () => {
    stubFetch({
      'GET /api/national/reviews': () => json({ title: 'Bad', detail: 'Unknown programme. / Programa desconocido.' }, 400),
      'GET /api/programmes': () => json(page([])),
      'GET /api/tenants': () => json(page([])),
    });
    renderPage(<ReviewsPage />, { path: '/nacional/revisiones' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Programa desconocido.');
  });
});
