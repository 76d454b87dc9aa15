import { applyDecorators, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { ApiUnauthorizedResponse } from '@nestjs/swagger';
import { isMultiFactor } from '../auth/authentication-methods';
import { Unauthenticated } from '../common/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { Role } from './roles';

export const STEP_UP = 'access:stepUp';

/**
 * Marks the most sensitive reads (case notes, a resident's export and access log): they need a
 * recent sign-in, with a second factor where the caller's role must use one. Otherwise 401
 * `step_up_required`, and the client steps up with its second factor alone (POST /auth/step-up) or
 * signs in again, and retries.
 */
export const RequireStepUp = () =>
  applyDecorators(
    SetMetadata(STEP_UP, true),
    ApiUnauthorizedResponse({ description: '`step_up_required`: step up with your second factor (POST /auth/step-up; no password) or sign in again, and retry; this read needs a sign-in or step-up from the last 15 minutes (STEP_UP_MAX_AGE_SECONDS)' }),
  );

/** How the caller authenticated, from their access token. */
export interface Authentication {
  role: Role;
  amr?: readonly string[];
  /** Seconds since the epoch. */
  authTime?: number;
}

@Injectable()
export class StepUpPolicy {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'stepUpMaxAgeSeconds' | 'mfaRequiredRoles'>) {}

  /** Refuses (401 step_up_required) a sign-in too old, or without the second factor the role must use. */
  assertSteppedUp(caller: Authentication, now = Date.now()): void {
    const fresh = caller.authTime !== undefined && now / 1000 - caller.authTime <= this.config.stepUpMaxAgeSeconds;
    const factorsOk = this.factorsOk(caller);
    if (!fresh || !factorsOk) {
      throw new Unauthenticated(
        factorsOk
          ? `This needs a sign-in from the last ${Math.round(this.config.stepUpMaxAgeSeconds / 60)} minutes; step up with your second factor (or sign in again) and retry`
          : 'This needs a sign-in with your second factor; step up with it (or sign in again) and retry',
        { code: 'step_up_required' },
      );
    }
  }

  /**
   * Until when the caller's token satisfies step-up (the same rule as assertSteppedUp), so that a
   * client can ask for the second factor before a read is refused; null when it never does (the
   * role must use a second factor and the sign-in had none).
   */
  until(caller: Authentication): Date | null {
    if (caller.authTime === undefined || !this.factorsOk(caller)) return null;
    return new Date((caller.authTime + this.config.stepUpMaxAgeSeconds) * 1000);
  }

  private factorsOk(caller: Authentication): boolean {
    return !this.config.mfaRequiredRoles.includes(caller.role) || isMultiFactor(caller.amr ?? []);
  }
}
