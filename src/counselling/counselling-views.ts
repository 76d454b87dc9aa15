import type { CounsellingCase } from './entities/counselling-case.entity';
import type { CounsellingContact } from './entities/counselling-contact.entity';
import type { CounsellingReferral } from './entities/counselling-referral.entity';

export const caseView = (c: CounsellingCase) => ({
  id: c.id,
  residentId: c.residentId,
  topic: c.topic,
  subject: c.subject,
  form: c.form,
  status: c.status,
  openedAt: c.openedAt,
  closedAt: c.closedAt,
  outcome: c.outcome,
  version: c.version,
});

export const contactView = (c: CounsellingContact) => ({
  id: c.id,
  caseId: c.caseId,
  occurredAt: c.occurredAt,
  channel: c.channel,
  durationMinutes: c.durationMinutes,
  withAppointment: c.withAppointment,
  note: c.note,
  recordedBy: c.recordedBy,
});

export const referralView = (r: CounsellingReferral) => ({
  id: r.id,
  caseId: r.caseId,
  organisationId: r.organisationId,
  recipientName: r.recipientName,
  reason: r.reason,
  referredAt: r.referredAt,
  recordedBy: r.recordedBy,
});
