import { lazy, Suspense, type ComponentType } from 'react';
import type { FetchQueryOptions } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import type { Role } from '../shared/session/session';
import { Loading } from '../shared/ui/States';
import { queryClient } from './queryClient';
import { RequireRole } from './RequireRole';

interface PageOptions {
  /**
   * The queries the page will ask for first, started as soon as the address is known: they travel while the page's
   * code loads and the user is checked, instead of after (one round trip less on a slow rural link).
   */
  prefetch?: (url: URL) => FetchQueryOptions[];
}

/**
 * A route whose page is loaded on first visit (its own chunk, so the first page stays small) and shown only to the
 * given roles; `roles` empty means a public page.
 */
export function page(
  path: string,
  load: () => Promise<{ default: ComponentType }>,
  roles: readonly Role[] = [],
  { prefetch }: PageOptions = {},
): RouteObject {
  const Component = lazy(load);
  const content = (
    <Suspense fallback={<Loading />}>
      <Component />
    </Suspense>
  );
  return {
    path,
    element: roles.length ? <RequireRole roles={roles}>{content}</RequireRole> : content,
    loader: prefetch
      ? ({ request }) => {
          for (const query of prefetch(new URL(request.url))) void queryClient.prefetchQuery(query);
          return null;
        }
      : undefined,
  };
}
