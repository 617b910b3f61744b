import { useEffect, useSyncExternalStore } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { offlineKeys, onQueueChanged } from './keys';
import type { QueuedWrite } from './queue';

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the browser says it has a connection (Playwright's context.setOffline switches it). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
}

/** This user's queue, in order, read from IndexedDB through the query cache (refreshed by the sync). */
export function useQueue(userId: string | undefined) {
  const queries = useQueryClient();
  useEffect(
    () =>
      onQueueChanged((changed) => {
        if (changed === userId) void queries.invalidateQueries({ queryKey: offlineKeys.queue(userId) });
      }),
    [queries, userId],
  );
  return useQuery({
    queryKey: offlineKeys.queue(userId ?? ''),
    queryFn: async (): Promise<QueuedWrite[]> => (await import('./queue')).writesOf(userId!),
    enabled: !!userId,
    networkMode: 'always',
    staleTime: Infinity,
    retry: false,
  });
}
