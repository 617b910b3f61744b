import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from '../shared/api/problem';

/** The one query cache: pages read it through hooks, and routes fill it ahead of their pages (guarded.tsx). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refused or missing resource will not change by asking again; a dropped connection may.
      retry: (count, error) => !(error instanceof ProblemError && error.problem.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      // Offline, the service worker answers from its cache: let the request go out instead of pausing it, and keep
      // showing the data already read when a refresh fails.
      networkMode: 'offlineFirst',
    },
    // Field writes go through the offline queue (useFieldWrite), which decides itself what waits: never pause them.
    mutations: { networkMode: 'offlineFirst' },
  },
});
