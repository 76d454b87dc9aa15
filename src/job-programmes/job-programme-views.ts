import type {
  ConversationResponse,
  EmploymentResponse,
  MatchResponse,
  ProgrammeListItem,
  ProgrammeResponse,
  TimesheetResponse,
  TransitionResponse,
} from './dto/job-programme-response.dto';
import type { NextStep } from './phase-machine';
import { employmentFacts } from './programme-facts';
import type { JobProgrammeConversation } from './entities/job-programme-conversation.entity';
import type { JobProgrammeEmployment } from './entities/job-programme-employment.entity';
import type { JobProgrammeMatch } from './entities/job-programme-match.entity';
import type { JobProgrammeTimesheetRevision } from './entities/job-programme-timesheet-revision.entity';
import type { JobProgrammeTimesheet } from './entities/job-programme-timesheet.entity';
import type { JobProgrammeTransition } from './entities/job-programme-transition.entity';
import type { JobProgramme } from './entities/job-programme.entity';

/*
 * Free text a social worker writes about the youth (conversation notes, the end reason and the
 * reasons of phase changes, the employment's exception reason) is shown only when
 * `freeTextShared`, which AccessPolicy.jobProgrammeFreeTextShared decides: the social workers
 * see it; a reader through a share_job_programme consent never does (such a consent cannot
 * include notes). Withheld fields are null and the programme's `freeTextShared: false` says so.
 * Generated warnings are the system's, not staff free text, and stay. The default is the social
 * workers' own answers to their writes.
 */

export const programmeView = (p: JobProgramme, freeTextShared = true): ProgrammeResponse => ({
  id: p.id,
  residentId: p.residentId,
  phase: p.phase,
  startedAt: p.startedAt,
  finishedAt: p.finishedAt,
  endReason: freeTextShared ? p.endReason : null,
  ordinaryJob: p.ordinaryJobEmployerId ? { employerId: p.ordinaryJobEmployerId, startedAt: p.ordinaryJobStartedAt } : null,
  version: p.version,
  referredFrom: p.referredFrom,
  createdAt: p.createdAt,
  freeTextShared,
});

/** A programme in a list, named: the youth (name, or pseudonym if anonymous) and the ordinary job's employer. */
export function programmeListItem(
  p: JobProgramme,
  freeTextShared: boolean,
  names: { youth: ReadonlyMap<string, string>; employers: ReadonlyMap<string, string> },
  nextStep: NextStep | null,
): ProgrammeListItem {
  const view = programmeView(p, freeTextShared);
  return {
    id: view.id,
    residentId: view.residentId,
    phase: view.phase,
    startedAt: view.startedAt,
    finishedAt: view.finishedAt,
    version: view.version,
    referredFrom: view.referredFrom,
    createdAt: view.createdAt,
    freeTextShared,
    youthName: names.youth.get(p.residentId) ?? null,
    ordinaryJob: view.ordinaryJob ? { ...view.ordinaryJob, employerName: names.employers.get(view.ordinaryJob.employerId) ?? null } : null,
    nextStep,
  };
}

export const transitionView = (t: JobProgrammeTransition, freeTextShared = true): TransitionResponse => ({
  from: t.fromPhase,
  to: t.toPhase,
  reason: freeTextShared ? t.reason : null,
  actorId: t.actorId,
  occurredAt: t.occurredAt,
  recordedAt: t.recordedAt,
});

/** Conversation notes stay with the social workers: a share_job_programme consent shares facts, not notes. */
export const conversationView = (c: JobProgrammeConversation, freeTextShared = true): ConversationResponse => ({
  id: c.id,
  programmeId: c.programmeId,
  occurredAt: c.occurredAt,
  kind: c.kind,
  participants: c.participants,
  note: freeTextShared ? c.note : null,
  recordedBy: c.recordedBy,
});

export const matchView = (m: JobProgrammeMatch): MatchResponse => ({
  id: m.id,
  programmeId: m.programmeId,
  employerId: m.employerId,
  status: m.status,
  interviewAt: m.interviewAt,
  version: m.version,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
});

export const employmentView = (e: JobProgrammeEmployment, freeTextShared = true): EmploymentResponse => ({
  programmeId: e.programmeId,
  ...employmentFacts(e),
  hoursPerWeek: e.hoursPerWeek,
  exceptionReason: freeTextShared ? e.exceptionReason : null,
  inCompulsorySchooling: e.inCompulsorySchooling,
  warnings: e.warnings,
  updatedAt: e.updatedAt,
});

export const timesheetView = (t: JobProgrammeTimesheet, corrections: JobProgrammeTimesheetRevision[] = []): TimesheetResponse => ({
  id: t.id,
  programmeId: t.programmeId,
  weekStart: t.weekStart,
  hours: t.hours,
  warnings: t.warnings,
  recordedBy: t.recordedBy,
  recordedAt: t.recordedAt,
  version: t.version,
  corrections: corrections.map((r) => ({ version: r.version, hours: r.hours, recordedBy: r.recordedBy, recordedAt: r.recordedAt })),
});
