import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditWriter } from '../../audit/audit-writer';
import { Forbidden, type DomainError } from '../../common/domain-errors';
import { AccountNotices } from '../account-notices/account-notices';
import { signInDetails, type FirstFactorProof } from '../sign-in-audit';
import { AUTHENTICATION, type RequestOrigin, type SigningInUser } from '../sign-in-types';
import { MFA_LOCK_AFTER_FAILURES } from './mfa-lock-policy';
import { MfaUserStateRepository, type MfaUserState } from './mfa-user-state.repository';

export function mfaLocked(): Forbidden {
  return new Forbidden(`Your second factor is locked after ${MFA_LOCK_AFTER_FAILURES} wrong attempts in a row; ask your leader to reset it`, { code: 'mfa_locked' });
}

/** A second factor tried at sign-in (or at a step-up): which, and whether a failure counts as a guess. */
export interface SecondFactorAttempt {
  /** `totp`, `passkey` or `recovery_code`, as the audit log names it. */
  method: string;
  /** The answer a failure gets (mfa_code_invalid, passkey_invalid, recovery_code_invalid). */
  refusal: DomainError;
}

/**
 * Stops second-factor guessing (src/auth/mfa/mfa-lock-policy.ts): failures are counted in
 * PostgreSQL in the attempt's own transaction, which commits although the attempt is refused;
 * the failure that reaches the limit locks the factor, is audited as `auth.mfa_locked` and
 * e-mails the user. A locked factor refuses every attempt with 403 `mfa_locked` until a reset.
 */
@Injectable()
export class MfaLockouts {
  constructor(
    private readonly state: MfaUserStateRepository,
    private readonly audit: AuditWriter,
    private readonly notices: AccountNotices,
  ) {}

  /** Refuses a user whose second factor is locked (without taking their row: for the first factor's answer). */
  async assertNotLocked(manager: EntityManager, userId: string): Promise<void> {
    if (await this.state.isLocked(manager, userId)) throw mfaLocked();
  }

  /**
   * Takes the user's row for the attempt's transaction, so that the user's attempts are counted
   * one after another; the refusal to answer when the factor is locked (audited), else undefined.
   */
  async begin(manager: EntityManager, user: SigningInUser, proof: FirstFactorProof, attempt: SecondFactorAttempt, origin: RequestOrigin): Promise<DomainError | undefined> {
    if (!(await this.state.lock(manager, user.id)).locked) return undefined;
    await this.audit.record(actorOf(user, origin), failedEvent(user, proof, origin, { method: attempt.method, outcome: 'refused', reason: 'mfa_locked' }), manager);
    return mfaLocked();
  }

  /**
   * A wrong second factor: audited, and counted unless it is no guess (`counts` false: the right
   * code, used already). The refusal to answer: the attempt's own, or `mfa_locked` for the failure
   * that locked the factor.
   */
  async failed(manager: EntityManager, user: SigningInUser, proof: FirstFactorProof, attempt: SecondFactorAttempt, origin: RequestOrigin, counts = true): Promise<DomainError> {
    await this.audit.record(actorOf(user, origin), failedEvent(user, proof, origin, { method: attempt.method, outcome: 'failed', reason: attempt.refusal.code }), manager);
    if (!counts) return attempt.refusal;
    const after = await this.state.countFailure(manager, user.id, MFA_LOCK_AFTER_FAILURES);
    // Attempts of one user are serialised by begin(): exactly one failure reaches the limit.
    if (!after.locked || after.failures !== MFA_LOCK_AFTER_FAILURES) return after.locked ? mfaLocked() : attempt.refusal;
    await this.audit.record(
      actorOf(user, origin),
      { action: 'auth.mfa_locked', purpose: AUTHENTICATION, entityType: 'user', entityId: user.id, details: signInDetails(origin, { method: attempt.method, outcome: 'locked', reason: 'mfa_locked' }, proof) },
      manager,
    );
    await this.notices.file(manager, user.id, 'mfa_locked');
    return mfaLocked();
  }

  /** A proved factor: the count of failures in a row starts again. */
  succeeded(manager: EntityManager, userId: string): Promise<void> {
    return this.state.succeeded(manager, userId);
  }

  /** Takes the user's row for a change of their factors (enrolment, reset) in the caller's transaction, and reads it. */
  lockForChange(manager: EntityManager, userId: string): Promise<MfaUserState> {
    return this.state.lock(manager, userId);
  }

  /** How many resets the user has had: an enrolment challenge carries the number, and a reset since voids it. */
  resetsOf(manager: EntityManager, userId: string): Promise<number> {
    return this.state.resetsOf(manager, userId);
  }

  /** A reset: no lock, no failures, and the enrolment challenges given before it void. */
  unlock(manager: EntityManager, userId: string): Promise<void> {
    return this.state.unlock(manager, userId);
  }
}

const actorOf = (user: SigningInUser, origin: RequestOrigin) => ({ userId: user.id, role: user.role, planId: user.planId, requestId: origin.requestId });

function failedEvent(user: SigningInUser, proof: FirstFactorProof, origin: RequestOrigin, details: Parameters<typeof signInDetails>[1]) {
  return { action: 'auth.mfa_failed', purpose: AUTHENTICATION, entityType: 'user', entityId: user.id, details: signInDetails(origin, details, proof) };
}
