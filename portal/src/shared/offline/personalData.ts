import { forgetOtherUsers } from './queue';
import { runtimeCaches } from './caches';

// Personal data on a shared phone: the service worker's copies of API answers (the user, their producers and
// networks) and the queued writes. Both belong to one person and go when that person leaves or another arrives.

const lastUserKey = 'redes.offline.user';

/** Deletes the runtime caches (never the app shell: it holds nobody's data). */
export async function clearRuntimeCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await Promise.all(runtimeCaches.map((name) => caches.delete(name)));
}

/**
 * Called when the signed-in user is known: if someone else used this device last, their cached answers and queued
 * writes are deleted. Returns whether anything was cleared (the caller then reads its queries again, so the new
 * user's own answers are cached for offline use).
 */
export async function adoptUser(userId: string): Promise<boolean> {
  let last: string | null = null;
  try {
    last = localStorage.getItem(lastUserKey);
  } catch {
    // Storage refused (private mode): treat as another person, the safe side.
  }
  if (last === userId) return false;
  await clearRuntimeCaches();
  await forgetOtherUsers(userId);
  try {
    localStorage.setItem(lastUserKey, userId);
  } catch {
    // As above.
  }
  return true;
}

/**
 * Sign-out: the runtime caches go (a reload offline must not show the user or their producers) and so does anything
 * left by other people. The user's own unsent writes stay on the device for when they sign in again; the next person
 * to sign in here removes them (adoptUser).
 */
export async function forgetOnSignOut(userId: string | undefined): Promise<void> {
  await clearRuntimeCaches();
  if (userId) await forgetOtherUsers(userId);
}
