import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ErasureReason } from './erasure-reasons';
import { generatePseudonym } from './pseudonym';
import type { ResidentDataPart } from './resident-data-part';

export interface ResidentRecordSection {
  resident: unknown;
  guardians: unknown[];
}

/** The pseudonym an erased resident goes by from now on. */
export interface ErasedResident {
  id: string;
  planId: string;
  pseudonym: string;
}

const PSEUDONYM_TAKEN = 'residents_pseudonym_unique';

/**
 * The resident record itself and their guardians, for their copy and their erasure. An erased
 * resident keeps what the statistics count (birth year and the half of the year they were born
 * in, gender, housing area, compartment) and a pseudonym; a guardian keeps only the relation,
 * which the consent ledger and signed contracts point at.
 */
@Injectable()
export class ResidentRecordData implements Omit<ResidentDataPart<ResidentRecordSection>, 'erase'> {
  async sectionOf(manager: EntityManager, planId: string, residentId: string): Promise<ResidentRecordSection> {
    const [row]: { resident: unknown; guardians: unknown[] }[] = await manager.query(
      `SELECT json_build_object('id', r.id, 'anonymous', r.anonymous, 'pseudonym', r.pseudonym, 'firstName', r.first_name, 'lastName', r.last_name,
                'birthDate', r.birth_date, 'birthYear', r.birth_year, 'gender', r.gender, 'phone', r.phone, 'email', r.email,
                'housingArea', a.name, 'compartment', r.compartment, 'registeredAt', r.created_at, 'updatedAt', r.updated_at,
                'erasedAt', r.erased_at, 'erasureReason', r.erasure_reason) AS resident,
              COALESCE((SELECT json_agg(json_build_object('name', g.name, 'relation', g.relation, 'phone', g.phone, 'email', g.email) ORDER BY g.created_at, g.id)
                          FROM guardians g WHERE g.resident_id = r.id AND g.plan_id = $1 AND g.erased_at IS NULL), '[]'::json) AS guardians
         FROM residents r JOIN housing_areas a ON a.id = r.housing_area_id AND a.plan_id = $1
        WHERE r.plan_id = $1 AND r.id = $2`,
      [planId, residentId],
    );
    return { resident: row?.resident ?? null, guardians: row?.guardians ?? [] };
  }

  activitySince(r: string, since: string): string {
    return `(${r}.created_at >= ${since} OR ${r}.updated_at >= ${since}
             OR EXISTS (SELECT 1 FROM guardians g WHERE g.resident_id = ${r}.id AND g.created_at >= ${since}))`;
  }

  /**
   * Makes the residents anonymous, set-based, and removes their guardians' details. Residents
   * erased before are left as they are. Runs in the caller's transaction; a pseudonym taken by a
   * registration at the same moment only repeats the step (inside a savepoint) with new ones.
   */
  async anonymise(manager: EntityManager, residentIds: readonly string[], reason: ErasureReason): Promise<ErasedResident[]> {
    if (residentIds.length === 0) return [];
    for (let attempt = 1; ; attempt += 1) {
      const pseudonyms = await this.freePseudonyms(manager, residentIds);
      try {
        const erased = await manager.transaction((savepoint) => this.anonymiseWith(savepoint, residentIds, pseudonyms, reason));
        await manager.query(
          `UPDATE guardians SET name = NULL, phone = NULL, email = NULL, erased_at = now() WHERE resident_id = ANY($1::uuid[]) AND erased_at IS NULL`,
          [erased.map((e) => e.id)],
        );
        return erased;
      } catch (error) {
        if (attempt >= 5 || (error as { constraint?: string }).constraint !== PSEUDONYM_TAKEN) throw error;
      }
    }
  }

  private async anonymiseWith(manager: EntityManager, ids: readonly string[], pseudonyms: string[], reason: ErasureReason): Promise<ErasedResident[]> {
    return manager.query(
      `UPDATE residents r
          SET named_before_erasure = NOT r.anonymous,
              anonymous = true,
              pseudonym = COALESCE(r.pseudonym, t.pseudonym),
              birth_year = COALESCE(r.birth_year, date_part('year', r.birth_date)::smallint),
              -- The age at the end of a half-year (30 June or 31 December) follows from the birth
              -- year and the half of it the birthday falls in, so age bands stay exact.
              birth_half = CASE WHEN r.birth_date IS NULL THEN r.birth_half WHEN date_part('month', r.birth_date) <= 6 THEN 1 ELSE 2 END,
              first_name = NULL, last_name = NULL, birth_date = NULL, phone = NULL, email = NULL,
              erased_at = now(), erasure_reason = $3, version = r.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS t(id, pseudonym)
        WHERE r.id = t.id AND r.erased_at IS NULL
        RETURNING r.id, r.plan_id AS "planId", r.pseudonym`,
      [[...ids], pseudonyms, reason],
    ).then(([rows]: [ErasedResident[], number]) => rows);
  }

  /** A fresh random pseudonym (a test draws from a tiny pool instead, to meet every collision). */
  protected drawPseudonym(): string {
    return generatePseudonym();
  }

  /**
   * One unused pseudonym per resident, none twice in the batch: a night's batch of thousands in one
   * plan would otherwise draw the same code twice now and then (the birthday problem).
   */
  private async freePseudonyms(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    const drawn = new Set<string>();
    const draw = (): string => {
      let code = this.drawPseudonym();
      while (drawn.has(code)) code = this.drawPseudonym();
      drawn.add(code);
      return code;
    };
    const candidates = ids.map(draw);
    for (let round = 0; round < 10; round += 1) {
      const taken: { i: string }[] = await manager.query(
        `SELECT t.i FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS t(id, pseudonym, i)
           JOIN residents me ON me.id = t.id
          WHERE EXISTS (SELECT 1 FROM residents o WHERE o.plan_id = me.plan_id AND o.pseudonym = t.pseudonym)`,
        [[...ids], candidates],
      );
      if (taken.length === 0) break;
      for (const { i } of taken) candidates[Number(i) - 1] = draw();
    }
    // A code a registration takes at this very moment is left to the unique index and a retry.
    return candidates;
  }
}
