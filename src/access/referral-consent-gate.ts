import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProblemItem } from '../common/domain-errors';
import type { PlanActor } from './actor';

/**
 * Passing a resident's counselling case to an organisation shares personal data, which needs the
 * resident's active `share_counselling` consent naming that organisation (domain.md "Consent and
 * access"). Until the consent ledger records such consents, no organisation referral passes:
 * deny by default. Referrals to a named recipient outside the system are not gated here.
 */
@Injectable()
export class ReferralConsentGate {
  async missingConsent(_manager: EntityManager, _actor: PlanActor, _residentId: string, organisationId: string): Promise<ProblemItem[]> {
    return [
      {
        field: 'organisationId',
        rule: 'share_counselling_consent',
        message: `the resident has no active share_counselling consent naming organisation ${organisationId}`,
      },
    ];
  }
}
