import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { initI18n } from '../shared/i18n/i18n';

await initI18n('es');

/** Renders a page or component as the portal does (query cache, router, Spanish texts), at the given address. */
export function renderPage(element: ReactElement, { path = '/' }: { path?: string } = {}) {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={queries}>
      <MemoryRouter initialEntries={[path]}>{element}</MemoryRouter>
    </QueryClientProvider>,
  );
}

/** One page of a list as the services answer it (`PagedResult`): every item on page 1 of 1. */
export const page = <T,>(items: T[], totalCount = items.length) => ({ items, pageNumber: 1, pageSize: 25, totalCount, totalPages: 1 });

/** Part of Networks' national value-chain catalogue, as GET /api/value-chains lists it. */
export const valueChainCatalogue = [
  ['cuy', 'Cuy', 'Guinea pig'], ['quinoa', 'Quinua', 'Quinoa'], ['alpaca-fibre', 'Fibra de alpaca', 'Alpaca fibre'],
  ['cacao', 'Cacao', 'Cocoa'], ['coffee', 'Café', 'Coffee'], ['trout', 'Trucha', 'Trout'],
].map(([code, nameEs, nameEn]) => ({ code, nameEs, nameEn, national: true }));

/**
 * Answers fetch calls by method and path for a component test; anything unexpected fails the test. The value-chain
 * list, reference data every page may name chains from, is answered with the catalogue unless the test says otherwise.
 */
export function stubFetch(routes: Record<string, (request: Request) => Response | Promise<Response>>) {
  const answers: typeof routes = { 'GET /api/value-chains': () => json(valueChainCatalogue), ...routes };
  const calls: Request[] = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://portal.test'), init);
    const key = `${request.method} ${new URL(request.url).pathname}`;
    // Only the calls the test asked about are recorded: "sends nothing" stays true while reference data loads.
    if (key in routes) calls.push(request.clone());
    const handler = answers[key];
    if (!handler) throw new Error(`unexpected request ${key}`);
    return handler(request);
  };
  return calls;
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
