import { useSession } from '../../app/session';

/** The signed-in counsellor: the outbox sends only their own queued items. */
export function useCurrentUser(): { id: string } {
  const { me } = useSession();
  return { id: me?.id ?? '' };
}
