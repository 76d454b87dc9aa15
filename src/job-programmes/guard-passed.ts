import { Conflict } from '../common/domain-errors';
import type { JobProgramme } from './entities/job-programme.entity';
import type { JobProgrammesProblem } from './job-programmes-problems';
import type { UndoneRequirement } from './phase-machine';

/**
 * 409 `guard_passed`: the change would undo requirements the programme met to reach its phase
 * (phase-machine.ts `undoneRequirements`). `errors` names each one and the field that undoes it.
 */
export function guardPassed(programme: JobProgramme, undone: UndoneRequirement[]): Conflict {
  return new Conflict(
    `The programme is in ${programme.phase} and has met these requirements on its way there; this change would undo them: ${undone.map((u) => u.message).join('; ')}`,
    { code: 'guard_passed' satisfies JobProgrammesProblem, errors: undone, extra: { programmeId: programme.id, phase: programme.phase } },
  );
}
