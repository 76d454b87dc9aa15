import type { CounsellingCase } from '../entities/counselling-case.entity';
import type { CounsellingReferral } from '../entities/counselling-referral.entity';
import type { ReferralFollowUpResponse, ReferralStatusChangeResponse } from './referral-follow-up-response.dto';
import type { ReferralPeople } from './referral-follow-up.repository';
import type { ReferralStatusChange } from './referral-status-change.entity';

/**
 * Who reads a follow-up, and what of its free text: everything written about the resident by
 * others is withheld with the rest of their counselling free text (counselling-views.ts), but what
 * the reader's own organisation wrote is theirs already. A caseworker whose consent shares no
 * notes must still read back the note they (or a colleague) wrote when accepting or completing.
 */
export interface FollowUpReader {
  userId: string;
  organisationId: string | null;
}

/** Whether the reader's organisation (or the reader, who may have none) wrote this. */
export function writtenByReader(authorId: string, people: ReferralPeople, reader: FollowUpReader): boolean {
  if (authorId === reader.userId) return true;
  const author = people.users.get(authorId);
  return reader.organisationId !== null && author?.organisationId === reader.organisationId;
}

export const statusChangeView = (c: ReferralStatusChange, freeTextShared: boolean, people: ReferralPeople, reader: FollowUpReader): ReferralStatusChangeResponse => ({
  from: c.fromStatus,
  to: c.toStatus,
  note: freeTextShared || writtenByReader(c.changedBy, people, reader) ? c.note : null,
  changedBy: c.changedBy,
  changedByName: people.users.get(c.changedBy)?.name ?? null,
  changedAt: c.changedAt,
});

export function followUpView(
  f: CounsellingReferral,
  about: {
    residentId: string;
    residentName: string;
    kase: CounsellingCase | undefined;
    topicLabel: (key: string) => string;
    history: ReferralStatusChange[];
    freeTextShared: boolean;
    people: ReferralPeople;
    reader: FollowUpReader;
  },
): ReferralFollowUpResponse {
  const { freeTextShared, people, reader, kase } = about;
  const sender = people.users.get(f.recordedBy);
  return {
    id: f.id,
    caseId: f.caseId,
    caseTopic: kase?.topic ?? null,
    caseTopicLabel: kase ? about.topicLabel(kase.topic) : null,
    caseStatus: kase?.status ?? null,
    residentId: about.residentId,
    residentName: about.residentName,
    organisationId: f.organisationId,
    organisationName: f.organisationId ? (people.organisations.get(f.organisationId) ?? null) : null,
    recipientName: freeTextShared ? f.recipientName : null,
    reason: freeTextShared ? f.reason : null,
    referredAt: f.referredAt,
    recordedBy: f.recordedBy,
    recordedByName: sender?.name ?? null,
    recordedByOrganisationName: sender?.organisationId ? (people.organisations.get(sender.organisationId) ?? null) : null,
    status: f.status,
    statusChangedAt: f.statusChangedAt,
    version: f.version,
    freeTextShared,
    history: about.history.map((c) => statusChangeView(c, freeTextShared, people, reader)),
  };
}
