import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessPolicy } from './access-policy';
import { PolicyGuard } from './policy.guard';
import { ReferralConsentGate } from './referral-consent-gate';

@Global()
@Module({
  providers: [AccessPolicy, ReferralConsentGate, { provide: APP_GUARD, useClass: PolicyGuard }],
  exports: [AccessPolicy, ReferralConsentGate],
})
export class AccessModule {}
