import { useParams } from 'react-router';
import { useSession } from '../../app/session';

/** Which plan a screen is about: the admin's from the address (/planer/:id/...), the leader's own otherwise. */
export function usePlan(): { planId: string; asAdmin: boolean } {
  const { id } = useParams();
  const { me } = useSession();
  const asAdmin = me?.role === 'admin';
  return { planId: (asAdmin ? id : me?.planId) ?? '', asAdmin };
}
