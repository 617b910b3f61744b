import { lazy, Suspense, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '../shared/session/session';
import { Loading } from '../shared/ui/States';
import { RequireRole } from './RequireRole';

/**
 * A route whose page is loaded on first visit (its own chunk, so the first page stays small) and shown only to the
 * given roles; `roles` empty means a public page.
 */
export function page(path: string, load: () => Promise<{ default: ComponentType }>, roles: readonly Role[] = []): RouteObject {
  const Component = lazy(load);
  const content = (
    <Suspense fallback={<Loading />}>
      <Component />
    </Suspense>
  );
  return { path, element: roles.length ? <RequireRole roles={roles}>{content}</RequireRole> : content };
}
