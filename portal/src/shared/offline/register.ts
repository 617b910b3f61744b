/**
 * Registers the service worker (dist/sw.js, built from sw/sw.ts) after the page has loaded, so its precache never
 * competes with the first page. Loaded lazily from the layout; no workbox code in the page's bundle.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/', type: 'classic' }).catch(() => {
      // No service worker (private window, blocked): the portal still works online.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
