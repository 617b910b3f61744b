// The service worker's caches, named once for the worker (sw/sw.ts) and the page (which clears the personal ones).

/** The app shell (index.html, the hashed scripts and styles, icons, the regions map): Workbox's precache. */
export const shellCachePrefix = 'redes-shell';

/** Who is signed in (/bff/user): a reload offline still knows the user. Personal. */
export const sessionCache = 'redes-session';
/** Value chains, regions and districts: the same for everyone of a tenant, changes rarely. */
export const referenceCache = 'redes-reference';
/** The specialist's producers and networks (lists and single records, my work, monitoring). Personal. */
export const fieldCache = 'redes-field';

/** Every runtime cache: all are cleared on sign-out and when another person signs in on the device. */
export const runtimeCaches = [sessionCache, referenceCache, fieldCache] as const;

/** How long a network-first read waits for the server before answering from the cache (slow rural links). */
export const networkTimeoutSeconds = 4;
