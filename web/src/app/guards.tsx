import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/Loading';
import { NotFoundPage } from './NotFoundPage';
import type { Role } from './roles';
import { useSession } from './session';

/**
 * A route for signed-in users with one of `roles` (all roles if omitted). Signed-out users go to
 * /log-ind and come back here after; other roles see "Siden findes ikke" (as the API answers 404).
 */
export function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { status, me } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <Loading />;
  if (status === 'signed-out' || !me) {
    return <Navigate to="/log-ind" replace state={{ from: `${location.pathname}${location.search}${location.hash}` }} />;
  }
  if (roles && !roles.includes(me.role)) return <NotFoundPage />;
  return <>{children}</>;
}
