// Test helpers for the offline queue: a fresh IndexedDB per test (fake-indexeddb), the engine started for a user.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { QueryClient } from '@tanstack/react-query';
import { closeQueue } from './queue';
import { startSync } from './sync';

export async function freshDatabase(): Promise<void> {
  await closeQueue();
  globalThis.indexedDB = new IDBFactory();
}

/** The browser's connection as navigator.onLine reports it (Playwright's setOffline flips the same). */
export function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}

export function startFor(userId: string, client = new QueryClient()): () => void {
  return startSync(userId, client);
}
