// Calls to the platform's API through the gateway, with the session's bearer token.
import { current, refresh } from './session.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GET with the bearer token; on a 401 the access token has probably expired, so refresh once and retry. */
export async function authorizedGet(path) {
  let response = await getWithToken(path);
  if (response.status === 401 && await refresh()) response = await getWithToken(path);
  if (!response.ok) throw new ApiError(response.status, await problemText(response));
  return response;
}

export async function getJson(path) {
  return (await authorizedGet(path)).json();
}

/**
 * Exports need the bearer token, which a plain link cannot send: fetch the file, then hand the browser the blob
 * through a temporary link with the server's file name.
 */
export async function download(path) {
  const response = await authorizedGet(path);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(response.headers.get('Content-Disposition')) ?? path.split('/').pop();
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function getWithToken(path) {
  const session = current();
  return fetch(path, { headers: session ? { Authorization: `Bearer ${session.accessToken}` } : {} });
}

function fileName(disposition) {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail ?? problem.title ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}
