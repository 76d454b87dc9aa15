import type { JobProgrammeConversation } from './entities/job-programme-conversation.entity';
import type { JobProgrammeEmployment } from './entities/job-programme-employment.entity';
import type { JobProgrammeMatch } from './entities/job-programme-match.entity';
import type { JobProgrammeTimesheet } from './entities/job-programme-timesheet.entity';
import type { JobProgrammeTransition } from './entities/job-programme-transition.entity';
import type { JobProgramme } from './entities/job-programme.entity';

export const programmeView = (p: JobProgramme) => ({
  id: p.id,
  residentId: p.residentId,
  phase: p.phase,
  startedAt: p.startedAt,
  finishedAt: p.finishedAt,
  endReason: p.endReason,
  ordinaryJob: p.ordinaryJobEmployerId ? { employerId: p.ordinaryJobEmployerId, startedAt: p.ordinaryJobStartedAt } : null,
  version: p.version,
  createdAt: p.createdAt,
});

export const transitionView = (t: JobProgrammeTransition) => ({
  from: t.fromPhase,
  to: t.toPhase,
  reason: t.reason,
  actorId: t.actorId,
  occurredAt: t.occurredAt,
});

/** Conversation notes stay with the social workers: a share_job_programme consent shares facts, not notes. */
export const conversationView = (c: JobProgrammeConversation, withNote = true) => ({
  id: c.id,
  programmeId: c.programmeId,
  occurredAt: c.occurredAt,
  kind: c.kind,
  participants: c.participants,
  note: withNote ? c.note : null,
  recordedBy: c.recordedBy,
});

export const matchView = (m: JobProgrammeMatch) => ({
  id: m.id,
  programmeId: m.programmeId,
  employerId: m.employerId,
  status: m.status,
  interviewAt: m.interviewAt,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
});

export const employmentView = (e: JobProgrammeEmployment) => ({
  programmeId: e.programmeId,
  employerId: e.employerId,
  contractSignedByYouthAt: e.contractSignedByYouthAt,
  contractSignedByGuardianAt: e.contractSignedByGuardianAt,
  startDate: e.startDate,
  endDate: e.endDate,
  hoursPerWeek: e.hoursPerWeek,
  exceptionReason: e.exceptionReason,
  warnings: e.warnings,
  updatedAt: e.updatedAt,
});

export const timesheetView = (t: JobProgrammeTimesheet) => ({
  id: t.id,
  programmeId: t.programmeId,
  weekStart: t.weekStart,
  hours: t.hours,
  warnings: t.warnings,
  recordedBy: t.recordedBy,
});
