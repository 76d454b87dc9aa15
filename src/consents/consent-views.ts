import type { ConsentWithdrawal } from './consent-withdrawal.entity';
import type { Consent } from './consent.entity';
import { consentHistory, consentStatus } from './consent-state';
import type { ConsentListItem, ConsentResponse } from './dto/consent-response.dto';

export function consentView(k: Consent, recipientOrganisationIds: string[], withdrawal: ConsentWithdrawal | null): ConsentResponse {
  const facts = { givenAt: k.givenAt, expiresAt: k.expiresAt, withdrawnAt: withdrawal?.withdrawnAt ?? null };
  return {
    id: k.id,
    residentId: k.residentId,
    scope: k.scope,
    recipientOrganisationIds,
    givenBy: k.givenBy,
    guardianId: k.guardianId,
    form: k.form,
    givenAt: k.givenAt,
    expiresAt: k.expiresAt,
    documentReference: k.documentReference,
    includesNotes: k.includesNotes,
    recordedBy: k.recordedBy,
    status: consentStatus(facts),
    withdrawal: withdrawal ? { withdrawnAt: withdrawal.withdrawnAt, reason: withdrawal.reason, recordedBy: withdrawal.recordedBy } : null,
    history: consentHistory(facts),
  };
}

/** A consent in a list: the withdrawal's reason is free text about the resident, left out (issue 20). */
export function consentListItem(k: Consent, recipientOrganisationIds: string[], withdrawal: ConsentWithdrawal | null): ConsentListItem {
  const view = consentView(k, recipientOrganisationIds, withdrawal);
  return { ...view, withdrawal: view.withdrawal ? { withdrawnAt: view.withdrawal.withdrawnAt, recordedBy: view.withdrawal.recordedBy } : null };
}
