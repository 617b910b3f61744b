/**
 * Registers the service worker (dist/sw.js, built from sw/sw.ts) after the page has loaded, so its precache never
 * competes with the first page. Loaded lazily from the layout; no workbox code in the page's bundle.
 *
 * On the first visit the page's first reads (/bff/user, value chains…) went out before the worker controlled it, so
 * nothing of them is cached yet: `onFirstControl` runs when the new worker takes over (the layout reads the active
 * queries again, through the worker, so a reload offline right after still knows the user).
 */
export function registerServiceWorker(onFirstControl: () => void): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const container = navigator.serviceWorker;
  if (!container.controller) container.addEventListener('controllerchange', onFirstControl, { once: true });
  const register = () => {
    container.register('/sw.js', { scope: '/', type: 'classic' }).catch(() => {
      // No service worker (private window, blocked): the portal still works online.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
