import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResidentDataPart } from '../residents/resident-data-part';

export interface ConsentSection {
  consents: unknown[];
}

/**
 * A resident's consents with their recipients and withdrawals. The ledger outlives an erasure:
 * who gave which consent to whom, when and how stays (the guardian by relation only); the
 * document reference and a withdrawal's reason are free text and go (the ledger's trigger lets
 * an erasure blank exactly those two).
 */
@Injectable()
export class ConsentResidentData implements ResidentDataPart<ConsentSection> {
  async sectionOf(manager: EntityManager, planId: string, residentId: string): Promise<ConsentSection> {
    const rows: { item: unknown }[] = await manager.query(
      `SELECT json_build_object(
         'id', k.id, 'scope', k.scope, 'givenBy', k.given_by, 'guardianRelation', g.relation, 'form', k.form,
         'givenAt', k.given_at, 'expiresAt', k.expires_at, 'documentReference', k.document_reference, 'includesNotes', k.includes_notes,
         'recipients', COALESCE((SELECT json_agg(o.name ORDER BY o.name) FROM consent_recipients kr JOIN organisations o ON o.id = kr.organisation_id AND o.plan_id = $1
                                  WHERE kr.consent_id = k.id), '[]'::json),
         'withdrawal', (SELECT json_build_object('withdrawnAt', w.withdrawn_at, 'reason', w.reason) FROM consent_withdrawals w WHERE w.consent_id = k.id)) AS item
         FROM consents k LEFT JOIN guardians g ON g.id = k.guardian_id
        WHERE k.plan_id = $1 AND k.resident_id = $2
        ORDER BY k.given_at, k.id`,
      [planId, residentId],
    );
    return { consents: rows.map((r) => r.item) };
  }

  async erase(manager: EntityManager, residentIds: readonly string[]): Promise<void> {
    const ids = [...residentIds];
    await manager.query(`UPDATE consents SET document_reference = NULL WHERE resident_id = ANY($1::uuid[]) AND document_reference IS NOT NULL`, [ids]);
    await manager.query(
      `UPDATE consent_withdrawals w SET reason = NULL FROM consents k WHERE k.id = w.consent_id AND k.resident_id = ANY($1::uuid[]) AND w.reason IS NOT NULL`,
      [ids],
    );
  }

  activitySince(r: string, since: string): string {
    return `EXISTS (SELECT 1 FROM consents k LEFT JOIN consent_withdrawals w ON w.consent_id = k.id
                     WHERE k.resident_id = ${r}.id AND (k.given_at >= ${since} OR k.created_at >= ${since} OR w.withdrawn_at >= ${since} OR w.created_at >= ${since}))`;
  }
}
