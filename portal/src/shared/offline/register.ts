interface Registration {
  /** True while the page is still reading or writing (its queries): the precache waits, not the user. */
  busy: () => boolean;
  /**
   * Runs when the new worker first takes over: the page's first reads (/bff/user, value chains…) went out before it
   * controlled the page, so nothing of them is cached yet; the layout reads its active queries again, through the
   * worker, so a reload offline right after still knows the user.
   */
  onFirstControl: () => void;
}

/**
 * Registers the service worker (dist/sw.js, built from sw/sw.ts) once the page has loaded and its first data has
 * arrived (two quiet checks a second apart): the precache downloads every chunk, and on a 400 kbit/s link it must not
 * slow the page the user is waiting for. Loaded lazily from the layout; no Workbox code in the page's bundle.
 */
export function registerServiceWorker({ busy, onFirstControl }: Registration): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const container = navigator.serviceWorker;
  if (!container.controller) container.addEventListener('controllerchange', onFirstControl, { once: true });
  let quiet = 0;
  const whenQuiet = () => {
    quiet = busy() ? 0 : quiet + 1;
    if (quiet < 2) {
      setTimeout(whenQuiet, 1_000);
      return;
    }
    container.register('/sw.js', { scope: '/', type: 'classic' }).catch(() => {
      // No service worker (private window, blocked): the portal still works online.
    });
  };
  if (document.readyState === 'complete') whenQuiet();
  else window.addEventListener('load', whenQuiet, { once: true });
}
