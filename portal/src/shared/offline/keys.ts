/** The queue as the pages read it, through the query cache (its store is IndexedDB, not the network). */
export const offlineKeys = {
  all: ['offline'] as const,
  queue: (userId: string) => ['offline', 'queue', userId] as const,
  record: (path: string) => ['offline', 'record', path] as const,
};

// The queue changed (stored, sent, refused, decided): every view of it reads it again. A tiny bus with no
// dependencies, so the layout's indicator does not load the queue's code to listen.
const queueListeners = new Set<(userId: string) => void>();

export function queueChanged(userId: string): void {
  queueListeners.forEach((listener) => listener(userId));
}

export function onQueueChanged(listener: (userId: string) => void): () => void {
  queueListeners.add(listener);
  return () => queueListeners.delete(listener);
}
