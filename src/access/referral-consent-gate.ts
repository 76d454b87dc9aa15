import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProblemItem } from '../common/domain-errors';
import { consentsOnRecord, type ConsentOnRecord } from '../consents/active-consents.repository';
import { consentStatus, type ConsentStatus } from '../consents/consent-state';
import type { PlanActor } from './actor';

/** The resident's consent that decides whether a referral to one organisation may share the case. */
export interface RelevantConsent {
  id: string;
  status: ConsentStatus;
  scope: string;
  givenAt: Date;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
  recipientOrganisationIds: string[];
  /** Whether the consent names the organisation the referral is to. */
  namesRecipient: boolean;
}

export interface ReferralConsentVerdict {
  allowed: boolean;
  /** The consent that allows it, or the one nearest to allowing it (null: none was ever recorded). */
  consent: RelevantConsent | null;
}

const describe = (k: ConsentOnRecord, organisationId: string, at: Date): RelevantConsent => ({
  ...k,
  status: consentStatus(k, at),
  namesRecipient: k.recipientOrganisationIds.includes(organisationId),
});

/**
 * Which consent is the one to talk about: an active one naming the organisation (it allows the
 * referral); else the latest naming it (withdrawn or expired, so the counsellor knows a new one is
 * needed and why); else the latest of the scope at all (active, but for other recipients).
 */
export function relevantConsent(consents: readonly ConsentOnRecord[], organisationId: string, at = new Date()): ReferralConsentVerdict {
  const described = consents.map((k) => describe(k, organisationId, at));
  const allowing = described.find((k) => k.namesRecipient && k.status === 'active');
  if (allowing) return { allowed: true, consent: allowing };
  return { allowed: false, consent: described.find((k) => k.namesRecipient) ?? described[0] ?? null };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

/** Why the consent does not allow the referral, naming it, in words a counsellor acts on. */
export function missingConsentMessage(consent: RelevantConsent | null, organisationId: string): string {
  if (!consent) return `the resident has given no share_counselling consent: ask the resident, and record a consent naming organisation ${organisationId} before referring`;
  const which = `the resident's share_counselling consent ${consent.id}`;
  if (!consent.namesRecipient) return `${which} does not name organisation ${organisationId}: only a new consent naming it allows this referral`;
  switch (consent.status) {
    case 'withdrawn':
      return `${which} naming organisation ${organisationId} was withdrawn on ${day(consent.withdrawnAt)}: only a new consent from the resident allows this referral`;
    case 'expired':
      return `${which} naming organisation ${organisationId} expired on ${day(consent.expiresAt)}: a renewed consent is needed`;
    case 'pending':
      return `${which} naming organisation ${organisationId} takes effect on ${day(consent.givenAt)}: refer from then`;
    default:
      return `${which} does not allow this referral`;
  }
}

/**
 * Passing a resident's counselling case to an organisation shares personal data, which needs the
 * resident's active `share_counselling` consent naming that organisation (domain.md "Consent and
 * access"). Referrals to a named recipient outside the system are not gated here.
 */
@Injectable()
export class ReferralConsentGate {
  async verdict(manager: EntityManager, actor: PlanActor, residentId: string, organisationId: string): Promise<ReferralConsentVerdict> {
    const consents = await consentsOnRecord(manager, { residentId, planId: actor.planId, scope: 'share_counselling' });
    return relevantConsent(consents, organisationId);
  }

  /** The unmet rule (empty when the referral may go), and the consent a refusal names. */
  async missingConsent(manager: EntityManager, actor: PlanActor, residentId: string, organisationId: string): Promise<{ problems: ProblemItem[]; consent: RelevantConsent | null }> {
    const { allowed, consent } = await this.verdict(manager, actor, residentId, organisationId);
    if (allowed) return { problems: [], consent };
    return { problems: [{ field: 'organisationId', rule: 'share_counselling_consent', message: missingConsentMessage(consent, organisationId) }], consent };
  }
}
