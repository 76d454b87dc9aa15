/** The life of a consent, derived from what was recorded: it is never edited. */
export type ConsentStatus = 'pending' | 'active' | 'withdrawn' | 'expired';

export interface ConsentFacts {
  givenAt: Date;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
}

export function consentStatus(facts: ConsentFacts, at = new Date()): ConsentStatus {
  const last = consentHistory(facts, at).at(-1)!;
  if (last.event === 'withdrawn') return 'withdrawn';
  if (last.event === 'expired') return 'expired';
  return facts.givenAt.getTime() > at.getTime() ? 'pending' : 'active';
}

export interface ConsentEvent {
  event: 'given' | 'withdrawn' | 'expired';
  at: Date;
}

/** The consent's history as events, in time order, up to `at`. */
export function consentHistory(facts: ConsentFacts, at = new Date()): ConsentEvent[] {
  const events: ConsentEvent[] = [{ event: 'given', at: facts.givenAt }];
  const candidates: ConsentEvent[] = [];
  if (facts.withdrawnAt) candidates.push({ event: 'withdrawn', at: facts.withdrawnAt });
  if (facts.expiresAt) candidates.push({ event: 'expired', at: facts.expiresAt });
  const ended = candidates.filter((e) => e.at.getTime() <= at.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime());
  // Once withdrawn or expired, a consent stays ended: only the first end counts.
  if (ended[0]) events.push(ended[0]);
  return events;
}

// The active-consent SQL and its query live with the other ledger queries; access/ and reminders/ read them from here.
export { ACTIVE_CONSENT_SQL, activeConsentExists as hasActiveConsent, activeConsentIdsNaming, consentsNoLongerActive, type ActiveConsentQuery } from './active-consents.repository';
