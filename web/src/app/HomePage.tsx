import { Navigate } from 'react-router';
import { homeOf } from './roles';
import { useSession } from './session';

/** "/": every role goes to its own first screen (RequireRole has made sure someone is signed in). */
export function HomePage() {
  const { me } = useSession();
  return me ? <Navigate to={homeOf(me.role)} replace /> : null;
}
