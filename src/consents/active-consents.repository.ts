import type { EntityManager } from 'typeorm';
import type { ConsentScope } from './consent.entity';

/**
 * The SQL twin of consentStatus() = 'active', for the consent aliased `k`: the policy layer uses
 * it so lists, single reads and statistics decide exactly as consent-state.ts does.
 */
export const ACTIVE_CONSENT_SQL = (k: string) =>
  `(${k}.given_at <= now() AND (${k}.expires_at IS NULL OR ${k}.expires_at > now())
    AND NOT EXISTS (SELECT 1 FROM consent_withdrawals cw WHERE cw.consent_id = ${k}.id AND cw.withdrawn_at <= now()))`;

export interface ActiveConsentQuery {
  residentId: string;
  scope: ConsentScope;
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

/**
 * Of these residents, those with an active consent of the scope right now (activeConsentExists for a
 * page of residents in one query, e.g. the board's nextStep for every programme).
 */
export async function residentsWithActiveConsent(
  manager: Pick<EntityManager, 'query'>,
  q: { residentIds: readonly string[]; scope: ActiveConsentQuery['scope']; givenBy?: 'resident' | 'guardian' },
): Promise<Set<string>> {
  if (q.residentIds.length === 0) return new Set();
  const rows: { id: string }[] = await manager.query(
    `SELECT DISTINCT k.resident_id::text AS id FROM consents k
      WHERE k.resident_id = ANY($1::uuid[]) AND k.scope = $2
        AND ($3::text IS NULL OR k.given_by = $3)
        AND ${ACTIVE_CONSENT_SQL('k')}`,
    [q.residentIds, q.scope, q.givenBy ?? null],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * The consents active right now that let a reader of this organisation see these residents (any
 * scope that names the organisation): what admitted an answer that a kept idempotent answer holds.
 */
export async function activeConsentIdsNaming(manager: Pick<EntityManager, 'query'>, q: { planId: string; organisationId: string; residentIds: readonly string[] }): Promise<string[]> {
  if (q.residentIds.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `SELECT k.id::text AS id FROM consents k
      WHERE k.resident_id = ANY($1::uuid[]) AND k.plan_id = $2
        AND EXISTS (SELECT 1 FROM consent_recipients kr WHERE kr.consent_id = k.id AND kr.organisation_id = $3)
        AND ${ACTIVE_CONSENT_SQL('k')}`,
    [q.residentIds, q.planId, q.organisationId],
  );
  return rows.map((r) => r.id);
}

/** Of these consents, those no longer active (withdrawn or expired since). */
export async function consentsNoLongerActive(manager: Pick<EntityManager, 'query'>, consentIds: readonly string[]): Promise<string[]> {
  if (consentIds.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `SELECT c.id::text AS id FROM unnest($1::uuid[]) AS c(id)
      WHERE NOT EXISTS (SELECT 1 FROM consents k WHERE k.id = c.id AND ${ACTIVE_CONSENT_SQL('k')})`,
    [consentIds],
  );
  return rows.map((r) => r.id);
}

/** A consent, active now, that shares a resident with an organisation: what the reader is told they read under. */
export interface SharingConsent {
  id: string;
  residentId: string;
  scope: 'share_counselling' | 'share_job_programme';
  givenAt: Date;
  expiresAt: Date | null;
  includesNotes: boolean;
}

/** The active consents that share these residents' data with this organisation, oldest first. */
export async function activeSharingConsents(manager: Pick<EntityManager, 'query'>, q: { planId: string; organisationId: string; residentIds: readonly string[] }): Promise<SharingConsent[]> {
  if (q.residentIds.length === 0) return [];
  return manager.query(
    `SELECT k.id::text AS id, k.resident_id::text AS "residentId", k.scope, k.given_at AS "givenAt", k.expires_at AS "expiresAt", k.includes_notes AS "includesNotes"
       FROM consents k
      WHERE k.resident_id = ANY($1::uuid[]) AND k.plan_id = $2 AND k.scope IN ('share_counselling', 'share_job_programme')
        AND EXISTS (SELECT 1 FROM consent_recipients kr WHERE kr.consent_id = k.id AND kr.organisation_id = $3)
        AND ${ACTIVE_CONSENT_SQL('k')}
      ORDER BY k.given_at, k.id`,
    [q.residentIds, q.planId, q.organisationId],
  );
}

/** A resident's consent as a gate names it when it refuses: enough for the counsellor to act on. */
export interface ConsentOnRecord {
  id: string;
  scope: string;
  givenAt: Date;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
  recipientOrganisationIds: string[];
}

/**
 * The resident's consents of one scope in the plan, each with its recipients and withdrawal, the
 * latest given first: what a referral form shows and what a consent_required refusal names.
 */
export async function consentsOnRecord(manager: Pick<EntityManager, 'query'>, q: { residentId: string; planId: string; scope: ActiveConsentQuery['scope'] }): Promise<ConsentOnRecord[]> {
  const rows: { id: string; scope: string; given_at: Date; expires_at: Date | null; withdrawn_at: Date | null; recipients: string[] | null }[] = await manager.query(
    `SELECT k.id::text AS id, k.scope, k.given_at, k.expires_at,
            (SELECT min(cw.withdrawn_at) FROM consent_withdrawals cw WHERE cw.consent_id = k.id) AS withdrawn_at,
            (SELECT array_agg(kr.organisation_id::text ORDER BY kr.organisation_id) FROM consent_recipients kr WHERE kr.consent_id = k.id) AS recipients
       FROM consents k
      WHERE k.resident_id = $1 AND k.plan_id = $2 AND k.scope = $3
      ORDER BY k.given_at DESC, k.created_at DESC`,
    [q.residentId, q.planId, q.scope],
  );
  return rows.map((r) => ({
    id: r.id,
    scope: r.scope,
    givenAt: new Date(r.given_at),
    expiresAt: r.expires_at ? new Date(r.expires_at) : null,
    withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at) : null,
    recipientOrganisationIds: r.recipients ?? [],
  }));
}
