import { Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ERASED_TEXT, type ResidentDataPart } from '../residents/resident-data-part';

export interface OutreachSection {
  outreach: unknown[];
}

/**
 * What an outreach list holds about a resident registered from it at the door: the person as the
 * municipality named them and the visits. Their copy shows it; an erasure blanks the name, address
 * and birth year on the list (the list's own retention deletes the rest, keeping counts).
 */
@Injectable()
export class OutreachResidentData implements ResidentDataPart<OutreachSection> {
  async sectionOf(manager: EntityManager, planId: string, residentId: string): Promise<OutreachSection> {
    const rows: { item: unknown }[] = await manager.query(
      `SELECT json_build_object('list', l.name, 'source', l.source, 'legalBasis', l.legal_basis, 'name', p.name, 'address', p.address, 'birthYear', p.birth_year,
                                'attempts', COALESCE((SELECT json_agg(json_build_object('at', a.at, 'outcome', a.outcome) ORDER BY a.at)
                                                        FROM outreach_attempts a WHERE a.person_id = p.id AND a.plan_id = $1), '[]'::json)) AS item
         FROM outreach_people p JOIN outreach_lists l ON l.id = p.list_id AND l.plan_id = $1
        WHERE p.plan_id = $1 AND p.resident_id = $2
        ORDER BY p.created_at, p.id`,
      [planId, residentId],
    );
    return { outreach: rows.map((r) => r.item) };
  }

  async erase(manager: EntityManager, residentIds: readonly string[]): Promise<void> {
    await manager.query(`UPDATE outreach_people SET name = $2, address = NULL, birth_year = NULL WHERE resident_id = ANY($1::uuid[])`, [residentIds, ERASED_TEXT]);
  }

  activitySince(r: string, since: string): string {
    return `EXISTS (SELECT 1 FROM outreach_people p JOIN outreach_attempts a ON a.person_id = p.id
                     WHERE p.resident_id = ${r}.id AND a.created_at >= ${since})`;
  }
}

/** The outreach lists' part of a resident's rights, apart from the lists' routes and sweep, for the resident-rights module. */
@Module({ providers: [OutreachResidentData], exports: [OutreachResidentData] })
export class OutreachResidentDataModule {}
