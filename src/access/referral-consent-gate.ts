import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProblemItem } from '../common/domain-errors';
import { ACTIVE_CONSENT_SQL } from '../consents/consent-state';
import type { PlanActor } from './actor';

/**
 * Passing a resident's counselling case to an organisation shares personal data, which needs the
 * resident's active `share_counselling` consent naming that organisation (domain.md "Consent and
 * access"). Referrals to a named recipient outside the system are not gated here.
 */
@Injectable()
export class ReferralConsentGate {
  async missingConsent(manager: EntityManager, actor: PlanActor, residentId: string, organisationId: string): Promise<ProblemItem[]> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM consents k JOIN consent_recipients kr ON kr.consent_id = k.id
        WHERE k.resident_id = $1 AND k.plan_id = $2 AND k.scope = 'share_counselling' AND kr.organisation_id = $3 AND ${ACTIVE_CONSENT_SQL('k')}
        LIMIT 1`,
      [residentId, actor.planId, organisationId],
    );
    if (rows.length) return [];
    return [
      {
        field: 'organisationId',
        rule: 'share_counselling_consent',
        message: `the resident has no active share_counselling consent naming organisation ${organisationId}: record the consent first (POST /consents)`,
      },
    ];
  }
}
