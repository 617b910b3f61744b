// The signed-in session: tokens from the Tenants service's /connect/token (through the gateway), kept in
// sessionStorage so they die with the tab and are not shared with other tabs or left on the machine.

const storageKey = 'redes.session';

/** The role that sees national figures; every other platform role belongs to a tenant. */
export const NationalUnit = 'NationalUnit';

export class SignInError extends Error {}

/** The same form fields as the API clients and the README's curl example: password grant, offline_access for a refresh token. */
export async function signIn(email, password) {
  const response = await requestToken({ grant_type: 'password', username: email, password, scope: 'offline_access' });
  if (!response.ok) throw new SignInError(await refusal(response));
  save(await response.json());
  return current();
}

/** Trades the refresh token for a new access token (access tokens live 15 minutes); false when that is no longer possible. */
export async function refresh() {
  const session = load();
  if (!session?.refresh_token) return false;
  const response = await requestToken({ grant_type: 'refresh_token', refresh_token: session.refresh_token });
  if (!response.ok) return false;
  save(await response.json());
  return true;
}

export function signOut() {
  sessionStorage.removeItem(storageKey);
}

/** The access token and who it belongs to, or null when nobody is signed in. */
export function current() {
  const session = load();
  if (!session?.access_token) return null;
  const claims = decodePayload(session.access_token);
  if (!claims) return null;
  // A claim with one value is a JSON string, with several an array (OpenIddict's JWT handler).
  const roles = [claims.role ?? []].flat();
  return {
    accessToken: session.access_token,
    name: claims.name ?? claims.email ?? '',
    email: claims.email ?? '',
    roles,
    tenantName: claims.tenant_name ?? null,
    isNational: roles.includes(NationalUnit),
  };
}

function requestToken(fields) {
  return fetch('/connect/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

/** The token server's reason ("English / Español"), or a generic one when the answer is not an OAuth error. */
async function refusal(response) {
  if (response.status === 429) return 'Demasiados intentos; espere un minuto. / Too many attempts; wait a minute.';
  try {
    const body = await response.json();
    if (body.error === 'invalid_grant' && body.error_description) return spanishFirst(body.error_description);
  } catch { /* not JSON: fall through */ }
  return `No se pudo iniciar sesión (${response.status}). / Could not sign in (${response.status}).`;
}

/** The token server writes "English / Español"; the portal shows Spanish first. */
function spanishFirst(description) {
  const parts = description.split(' / ');
  return parts.length === 2 ? `${parts[1]} / ${parts[0]}` : description;
}

function save(tokens) {
  sessionStorage.setItem(storageKey, JSON.stringify({ access_token: tokens.access_token, refresh_token: tokens.refresh_token ?? null }));
}

function load() {
  try { return JSON.parse(sessionStorage.getItem(storageKey) ?? 'null'); }
  catch { return null; }
}

/** The JWT's payload, for display and choosing a view only: the services validate the token, the browser does not. */
function decodePayload(token) {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}
