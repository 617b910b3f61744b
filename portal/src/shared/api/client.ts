import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as TenantsPaths } from './generated/tenants';
import type { paths as NetworksPaths } from './generated/networks';
import type { paths as FinancingPaths } from './generated/financing';
import type { paths as ReportingPaths } from './generated/reporting';
import { sessionExpired } from '../session/expiry';

export type Paths = TenantsPaths & NetworksPaths & FinancingPaths & ReportingPaths;
export type { components as TenantsSchemas } from './generated/tenants';
export type { components as NetworksSchemas } from './generated/networks';
export type { components as FinancingSchemas } from './generated/financing';
export type { components as ReportingSchemas } from './generated/reporting';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The gateway is the portal's backend-for-frontend: the session cookie travels by itself and the gateway adds the
 * bearer token, so no token is ever in this code. Unsafe methods carry X-CSRF, which a cross-site form cannot send.
 */
export const antiForgery: Middleware = {
  onRequest({ request }) {
    if (unsafeMethods.has(request.method)) request.headers.set('X-CSRF', '1');
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.includes('/bff/user')) sessionExpired();
    return response;
  },
};

// The page's own origin (a Request needs an absolute URL outside the browser, e.g. under Vitest), and fetch looked up
// at each call rather than captured at start, so a test's stubbed fetch answers the typed client too.
export const api = createClient<Paths>({ baseUrl: globalThis.location?.origin ?? '/', credentials: 'same-origin', fetch: (request) => globalThis.fetch(request) });
api.use(antiForgery);

/** Plain fetch for what the typed client cannot describe (file downloads, /bff/*), with the same rules. */
export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (unsafeMethods.has(method)) headers.set('X-CSRF', '1');
  const response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
  if (response.status === 401 && !path.startsWith('/bff/user')) sessionExpired();
  return response;
}
