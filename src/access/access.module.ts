import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessPolicy } from './access-policy';
import { PolicyGuard } from './policy.guard';
import { ReferralConsentGate } from './referral-consent-gate';
import { StepUpPolicy } from './step-up';

@Global()
@Module({
  providers: [AccessPolicy, ReferralConsentGate, StepUpPolicy, { provide: APP_GUARD, useClass: PolicyGuard }],
  exports: [AccessPolicy, ReferralConsentGate, StepUpPolicy],
})
export class AccessModule {}
