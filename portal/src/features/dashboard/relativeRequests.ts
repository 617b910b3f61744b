/**
 * For tests: the typed client builds `new Request('/api/...')`, which a browser resolves against the page but Node's
 * Request refuses ("Failed to parse URL"), so `stubFetch` never sees the call. This resolves such paths against the
 * test page's origin. (Belongs in src/test/setup.ts; kept here so this branch does not edit the shared setup.)
 */
const NodeRequest = globalThis.Request;

class PageRequest extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' && input.startsWith('/') ? new URL(input, window.location.origin).href : input, init);
  }
}

const patched = Symbol.for('redes.relativeRequests');
const scope = globalThis as unknown as Record<symbol, boolean>;
if (!scope[patched]) {
  scope[patched] = true;
  globalThis.Request = PageRequest as typeof Request;
}
