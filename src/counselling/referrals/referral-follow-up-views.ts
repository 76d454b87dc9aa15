import type { CounsellingReferral } from '../entities/counselling-referral.entity';
import type { ReferralFollowUpResponse, ReferralStatusChangeResponse } from './referral-follow-up-response.dto';
import type { ReferralStatusChange } from './referral-status-change.entity';

/** A status change's note is free text about the resident, withheld with the rest of it (counselling-views.ts). */
export const statusChangeView = (c: ReferralStatusChange, freeTextShared: boolean): ReferralStatusChangeResponse => ({
  from: c.fromStatus,
  to: c.toStatus,
  note: freeTextShared ? c.note : null,
  changedBy: c.changedBy,
  changedAt: c.changedAt,
});

export function followUpView(
  f: CounsellingReferral,
  about: { residentId: string; residentName: string; history: ReferralStatusChange[]; freeTextShared: boolean },
): ReferralFollowUpResponse {
  const { freeTextShared } = about;
  return {
    id: f.id,
    caseId: f.caseId,
    residentId: about.residentId,
    residentName: about.residentName,
    organisationId: f.organisationId,
    recipientName: freeTextShared ? f.recipientName : null,
    reason: freeTextShared ? f.reason : null,
    referredAt: f.referredAt,
    recordedBy: f.recordedBy,
    status: f.status,
    statusChangedAt: f.statusChangedAt,
    version: f.version,
    freeTextShared,
    history: about.history.map((c) => statusChangeView(c, freeTextShared)),
  };
}
