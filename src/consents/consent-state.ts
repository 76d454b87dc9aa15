/** The life of a consent, derived from what was recorded: it is never edited. */
export type ConsentStatus = 'pending' | 'active' | 'withdrawn' | 'expired';

export interface ConsentFacts {
  givenAt: Date;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
}

export function consentStatus(facts: ConsentFacts, at = new Date()): ConsentStatus {
  const last = consentHistory(facts, at).at(-1)!;
  if (last.event === 'withdrawn') return 'withdrawn';
  if (last.event === 'expired') return 'expired';
  return facts.givenAt.getTime() > at.getTime() ? 'pending' : 'active';
}

export interface ConsentEvent {
  event: 'given' | 'withdrawn' | 'expired';
  at: Date;
}

/** The consent's history as events, in time order, up to `at`. */
export function consentHistory(facts: ConsentFacts, at = new Date()): ConsentEvent[] {
  const events: ConsentEvent[] = [{ event: 'given', at: facts.givenAt }];
  const candidates: ConsentEvent[] = [];
  if (facts.withdrawnAt) candidates.push({ event: 'withdrawn', at: facts.withdrawnAt });
  if (facts.expiresAt) candidates.push({ event: 'expired', at: facts.expiresAt });
  const ended = candidates.filter((e) => e.at.getTime() <= at.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime());
  // Once withdrawn or expired, a consent stays ended: only the first end counts.
  if (ended[0]) events.push(ended[0]);
  return events;
}

/**
 * The SQL twin of consentStatus() = 'active', for the consent aliased `k`: the policy layer uses
 * it so lists, single reads and statistics decide exactly as this file does.
 */
export const ACTIVE_CONSENT_SQL = (k: string) =>
  `(${k}.given_at <= now() AND (${k}.expires_at IS NULL OR ${k}.expires_at > now())
    AND NOT EXISTS (SELECT 1 FROM consent_withdrawals cw WHERE cw.consent_id = ${k}.id AND cw.withdrawn_at <= now()))`;

export interface ActiveConsentQuery {
  residentId: string;
  scope: 'share_counselling' | 'share_job_programme' | 'job_programme_participation';
  planId?: string;
  /** Only consents naming this organisation as a recipient. */
  organisationId?: string;
  givenBy?: 'resident' | 'guardian';
  /** Only consents that share case notes too. */
  includesNotes?: boolean;
}

/** Whether the resident has, right now, an active consent matching the query: the one definition every gate uses. */
export async function hasActiveConsent(manager: { query: (sql: string, params: unknown[]) => Promise<unknown[]> }, q: ActiveConsentQuery): Promise<boolean> {
  const rows = await manager.query(
    `SELECT 1 FROM consents k
      WHERE k.resident_id = $1 AND k.scope = $2
        AND ($3::uuid IS NULL OR k.plan_id = $3)
        AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM consent_recipients kr WHERE kr.consent_id = k.id AND kr.organisation_id = $4))
        AND ($5::text IS NULL OR k.given_by = $5)
        AND ($6::boolean IS NULL OR k.includes_notes = $6)
        AND ${ACTIVE_CONSENT_SQL('k')}
      LIMIT 1`,
    [q.residentId, q.scope, q.planId ?? null, q.organisationId ?? null, q.givenBy ?? null, q.includesNotes ?? null],
  );
  return rows.length > 0;
}
