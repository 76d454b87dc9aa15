import { useEffect, useState } from 'react';
import { answer, api } from '../api/client';
import type { Me } from '../api/session-api';

/**
 * Whether the signed-in user sees the volunteers' counts: the leader always, a counsellor or social
 * worker only as the coordinator the leader named (GET /volunteer-help/coordinator, readable by
 * those roles). Anyone else would only meet the "not the coordinator" notice, so the menu leaves the
 * entry out. Asked once per signed-in user: a newly named coordinator finds it on the next sign-in.
 */
export function useSeesVolunteerCounts(me: Me | null): boolean {
  const asks = me !== null && (me.role === 'counsellor' || me.role === 'social_worker');
  const [coordinatorId, setCoordinatorId] = useState<string | null>(null);
  useEffect(() => {
    if (!asks) return;
    let cancelled = false;
    answer(api.GET('/volunteer-help/coordinator')).then(
      (c) => !cancelled && setCoordinatorId(c.userId),
      // Not knowing leaves the entry out; the route itself still answers with its notice.
      () => !cancelled && setCoordinatorId(null),
    );
    return () => {
      cancelled = true;
    };
  }, [asks, me?.id]);
  if (me?.role === 'leader') return true;
  return asks && coordinatorId === me.id;
}
