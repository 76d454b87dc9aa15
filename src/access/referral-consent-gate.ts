import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProblemItem } from '../common/domain-errors';
import { hasActiveConsent } from '../consents/consent-state';
import type { PlanActor } from './actor';

/**
 * Passing a resident's counselling case to an organisation shares personal data, which needs the
 * resident's active `share_counselling` consent naming that organisation (domain.md "Consent and
 * access"). Referrals to a named recipient outside the system are not gated here.
 */
@Injectable()
export class ReferralConsentGate {
  async missingConsent(manager: EntityManager, actor: PlanActor, residentId: string, organisationId: string): Promise<ProblemItem[]> {
    if (await hasActiveConsent(manager, { residentId, planId: actor.planId, scope: 'share_counselling', organisationId })) return [];
    return [
      {
        field: 'organisationId',
        rule: 'share_counselling_consent',
        message: `the resident has no active share_counselling consent naming organisation ${organisationId}: record the consent first (POST /consents)`,
      },
    ];
  }
}
