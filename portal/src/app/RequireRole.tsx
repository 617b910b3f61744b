import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { hasRole, useUser, type Role } from '../shared/session/session';
import { Loading, NotAllowed, ErrorState } from '../shared/ui/States';

/** Pages behind sign-in: anonymous visitors go to the landing page (and come back after signing in). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useUser();
  const location = useLocation();
  if (user.isPending) return <Loading />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  if (!user.data) return <Navigate to={`/?returnUrl=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!hasRole(user.data, ...roles)) return <NotAllowed />;
  return <>{children}</>;
}
