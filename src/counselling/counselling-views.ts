import type { CaseResponse, CaseSummary, ContactResponse, ReferralResponse } from './dto/counselling-response.dto';
import type { CounsellingCase } from './entities/counselling-case.entity';
import type { CounsellingContact } from './entities/counselling-contact.entity';
import type { CounsellingReferral } from './entities/counselling-referral.entity';

/*
 * Free text a counsellor writes about a resident (a case's subject and outcome, contact notes,
 * a referral's reason and recipient name) is as sensitive as notes (issue 7, security finding
 * 10): it is shown only when `freeTextShared`, which AccessPolicy.counsellingFreeText
 * decides (the counsellors; others only through a consent that includes notes). Otherwise each
 * such field is null, and the case's `freeTextShared: false` says it was withheld, not empty.
 * The default is the counsellors' own answers to their writes.
 */

/** A case without its free text, for lists. */
export const caseSummaryView = (c: CounsellingCase, freeTextShared: boolean): CaseSummary => ({
  id: c.id,
  residentId: c.residentId,
  topic: c.topic,
  form: c.form,
  status: c.status,
  openedAt: c.openedAt,
  closedAt: c.closedAt,
  version: c.version,
  referredFrom: c.referredFrom,
  freeTextShared,
});

export const caseView = (c: CounsellingCase, freeTextShared = true): CaseResponse => ({
  id: c.id,
  residentId: c.residentId,
  topic: c.topic,
  subject: freeTextShared ? c.subject : null,
  form: c.form,
  status: c.status,
  openedAt: c.openedAt,
  closedAt: c.closedAt,
  outcome: freeTextShared ? c.outcome : null,
  version: c.version,
  referredFrom: c.referredFrom,
  freeTextShared,
});

export const contactView = (c: CounsellingContact, freeTextShared = true): ContactResponse => ({
  id: c.id,
  caseId: c.caseId,
  occurredAt: c.occurredAt,
  channel: c.channel,
  durationMinutes: c.durationMinutes,
  withAppointment: c.withAppointment,
  note: freeTextShared ? c.note : null,
  recordedBy: c.recordedBy,
});

/**
 * `recipientName` is typed by the counsellor when the recipient is not one of the plan's
 * organisations ("Krisecentret", a named psychologist): it says as much about the matter as the
 * reason does, so it is withheld with it. `organisationId` is a choice from the plan's list and stays.
 */
export const referralView = (r: CounsellingReferral, freeTextShared = true): ReferralResponse => ({
  id: r.id,
  caseId: r.caseId,
  organisationId: r.organisationId,
  recipientName: freeTextShared ? r.recipientName : null,
  reason: freeTextShared ? r.reason : null,
  referredAt: r.referredAt,
  recordedBy: r.recordedBy,
  status: r.status,
  statusChangedAt: r.statusChangedAt,
});
