import { Navigate } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { common } from '../text/common';
import { homeOf } from './roles';
import { useSession } from './session';

/** "/": a role with screens goes to its first; the others see that theirs come soon. */
export function HomePage() {
  const { me } = useSession();
  if (me && homeOf(me.role) !== '/') return <Navigate to={homeOf(me.role)} replace />;
  return (
    <>
      <PageHeading>{common.homeHeading}</PageHeading>
      <p>{common.homeComingSoon}</p>
    </>
  );
}
