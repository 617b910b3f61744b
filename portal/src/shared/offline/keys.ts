/** The queue as the pages read it, through the query cache (its store is IndexedDB, not the network). */
export const offlineKeys = {
  all: ['offline'] as const,
  queue: (userId: string) => ['offline', 'queue', userId] as const,
  record: (path: string) => ['offline', 'record', path] as const,
};

// The queue changed (stored, sent, refused, decided): every view of it reads it again. A tiny bus with no
// dependencies, so the layout's indicator does not load the queue's code to listen.
const queueListeners = new Set<(userId: string) => void>();

// Other tabs of the portal hear it too (their header count and /sincronizacion follow this tab's sync).
const otherTabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('redes-offline-queue');
// (Node's channel, in component tests, must not keep the test process alive.)
(otherTabs as unknown as { unref?: () => void } | null)?.unref?.();
otherTabs?.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (typeof event.data === 'string') queueListeners.forEach((listener) => listener(event.data as string));
});

export function queueChanged(userId: string): void {
  queueListeners.forEach((listener) => listener(userId));
  otherTabs?.postMessage(userId);
}

export function onQueueChanged(listener: (userId: string) => void): () => void {
  queueListeners.add(listener);
  return () => queueListeners.delete(listener);
}
