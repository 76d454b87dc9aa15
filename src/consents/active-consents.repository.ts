import type { EntityManager } from 'typeorm';

/**
 * The SQL twin of consentStatus() = 'active', for the consent aliased `k`: the policy layer uses
 * it so lists, single reads and statistics decide exactly as consent-state.ts does.
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
export async function activeConsentExists(manager: Pick<EntityManager, 'query'>, q: ActiveConsentQuery): Promise<boolean> {
  const rows: unknown[] = await manager.query(
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
