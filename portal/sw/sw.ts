/// <reference lib="webworker" />
// The portal's service worker (built by vite-plugin-pwa's injectManifest into dist/sw.js; see
// docs/decisions/0014-portal-offline-first.md). The app shell is precached at install, so the portal opens offline; page
// addresses get index.html; the reference data and the specialist's own records are read network-first (a short wait,
// then the copy kept from the last good answer). Writes never pass through here: the page's queue (IndexedDB) keeps them.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim, setCacheNameDetails, type WorkboxPlugin } from 'workbox-core';
import { fieldCache, networkTimeoutSeconds, referenceCache, sessionCache, shellCachePrefix } from '../src/shared/offline/caches';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

setCacheNameDetails({ prefix: shellCachePrefix, suffix: '', precache: 'precache', runtime: 'runtime' });

// A new version takes over at once (the shell's files are content-hashed; index.html comes with the new worker).
void self.skipWaiting();
clientsClaim();

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Paths that belong to the API, the token server and the gateway: never the page (/bff/login is a navigation).
const serverPaths = /^\/(api|bff|connect|\.well-known|openapi|scalar|health)(\/|$)/;
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [serverPaths] }));

const day = 24 * 60 * 60;
const onlyOk = new CacheableResponsePlugin({ statuses: [200] });

/** A 401 means the session is over: the kept copy of the user goes too, so a reload offline shows nobody signed in. */
const forgetOnUnauthorized: WorkboxPlugin = {
  async fetchDidSucceed({ request, response }) {
    if (response.status === 401) await (await caches.open(sessionCache)).delete(request);
    return response;
  },
};

const sameOriginGet = (url: URL, request: Request) => request.method === 'GET' && url.origin === self.location.origin;

registerRoute(
  ({ url, request }) => sameOriginGet(url, request) && url.pathname === '/bff/user',
  new NetworkFirst({ cacheName: sessionCache, networkTimeoutSeconds, plugins: [onlyOk, forgetOnUnauthorized] }),
);

registerRoute(
  ({ url, request }) => sameOriginGet(url, request) && /^\/api\/(value-chains|places)(\/|$)/.test(url.pathname),
  new NetworkFirst({
    cacheName: referenceCache,
    networkTimeoutSeconds,
    plugins: [onlyOk, new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 30 * day })],
  }),
);

/** Producers and networks (lists, records, my work, members, phases, monitoring, evidence lists); not exports or files. */
function isFieldRead(url: URL): boolean {
  if (!/^\/api\/(producers|networks)(\/|$)/.test(url.pathname)) return false;
  return !/\/export$/.test(url.pathname) && !/\/evidence\/[^/]+\/content$/.test(url.pathname);
}

registerRoute(
  ({ url, request }) => sameOriginGet(url, request) && isFieldRead(url),
  new NetworkFirst({
    cacheName: fieldCache,
    networkTimeoutSeconds,
    plugins: [onlyOk, new ExpirationPlugin({ maxEntries: 600, maxAgeSeconds: 14 * day })],
  }),
);
