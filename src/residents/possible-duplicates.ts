import { Conflict } from '../common/domain-errors';
import type { ResidentsProblem } from './residents-problems';

/*
 * Possible duplicate residents (issue 12, part 10): registering one person twice counts them
 * twice in every report. The same person is, within one plan's compartment (the caller's reach:
 * a resident of another compartment or plan is never named, nor hinted at):
 * - the same name, compared without regard to case and runs of white space (accents and Danish
 *   letters count: they are how the person spells their name), and the same birth date; or
 * - the same phone, compared on its digits, a Danish number with or without +45/0045.
 * Anonymous and erased residents carry no identity and never match. The normalisations are the
 * SQL functions resident_name_key and resident_phone_key (migration 1733830000000), used by the
 * check and by the indexes it runs on.
 */

/**
 * The residents matching the one whose fields are in the given parameters, oldest first; both
 * halves of the condition run on the residents_possible_duplicate_* unique indexes (a bitmap OR).
 * OFFSET 0 keeps the planner from walking the plan's residents in created_at order instead, hoping
 * to meet ten matches early: with none to meet, that read every resident (2.8 s against 0.1 ms on
 * the write-path benchmark's 211,000). A few ids are enough to choose from.
 */
export function matchingResidents(p: { plan: string; compartment: string; firstName: string; lastName: string; birthDate: string; phone: string }): string {
  return `SELECT m.id FROM (
            SELECT d.id, d.created_at FROM residents d
             WHERE d.plan_id = ${p.plan} AND d.compartment = ${p.compartment} AND d.erased_at IS NULL
               AND ((resident_name_key(d.first_name, d.last_name) = resident_name_key(${p.firstName}, ${p.lastName}) AND d.birth_date = ${p.birthDate}::date)
                    OR resident_phone_key(d.phone) = resident_phone_key(${p.phone}))
            OFFSET 0) m
           ORDER BY m.created_at, m.id
           LIMIT 10`;
}

/** The unique indexes that settle two identical registrations at the same moment. */
const DUPLICATE_INDEXES = new Set(['residents_possible_duplicate_name', 'residents_possible_duplicate_phone']);

/** Whether a failed write lost the race to an identical registration (or a change that made one). */
export function isDuplicateRace(error: unknown): boolean {
  const cause = (error as { driverError?: unknown })?.driverError ?? error;
  const { code, constraint } = (cause ?? {}) as { code?: string; constraint?: string };
  return code === '23505' && constraint !== undefined && DUPLICATE_INDEXES.has(constraint);
}

export function possibleDuplicate(duplicateIds: readonly string[]): Conflict {
  return new Conflict(
    'A resident in your compartment has the same name and birth date, or the same phone: use that record, or send confirmNotDuplicate: true if this is a different person',
    { code: 'possible_duplicate' satisfies ResidentsProblem, extra: { duplicateIds } },
  );
}
