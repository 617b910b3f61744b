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

/** The anti-forgery header the gateway demands on unsafe methods with the session cookie (a cross-site form cannot send it). */
export const antiForgeryHeader = { name: 'X-CSRF', value: '1' } as const;

/** Adds the anti-forgery header when the method changes something. */
function markUnsafe(method: string, headers: Headers): void {
  if (unsafeMethods.has(method.toUpperCase())) headers.set(antiForgeryHeader.name, antiForgeryHeader.value);
}

/**
 * The gateway is the portal's backend-for-frontend: the session cookie travels by itself and the gateway adds the
 * bearer token, so no token is ever in this code. Unsafe methods carry X-CSRF, which a cross-site form cannot send.
 */
export const antiForgery: Middleware = {
  onRequest({ request }) {
    markUnsafe(request.method, request.headers);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.includes('/bff/user')) sessionExpired();
    return response;
  },
};

// fetch looked up at call time (not captured at start-up), so component tests can answer for the network.
export const api = createClient<Paths>({ baseUrl: location.origin, credentials: 'same-origin', fetch: (request) => fetch(request) });
api.use(antiForgery);

/** Plain fetch for what the typed client cannot describe (file downloads, /bff/*), with the same rules. */
export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  markUnsafe(method, headers);
  const response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
  if (response.status === 401 && !path.startsWith('/bff/user')) sessionExpired();
  return response;
}
