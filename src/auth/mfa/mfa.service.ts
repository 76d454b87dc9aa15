import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../access/actor';
import { AuditWriter } from '../../audit/audit-writer';
import type { SignInDetails } from '../../audit/sign-in-details';
import { Conflict, NotFound, Unauthenticated, type DomainError } from '../../common/domain-errors';
import { UnitOfWork } from '../../database/unit-of-work';
import { PasswordResetLinks } from '../../users/password-reset-links.service';
import { SessionsRepository } from '../../users/sessions.repository';
import type { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { AccountNotices } from '../account-notices/account-notices';
import { AMR, type AuthenticationMethod, type MfaMethod } from '../authentication-methods';
import type { MfaEnrolmentResponse, TokenPairResponse, TotpEnrolmentResponse } from '../dto/auth-response.dto';
import { LoginThrottle } from '../login-throttle';
import { METHOD_OF_AMR, signInDetails, type FirstFactorProof } from '../sign-in-audit';
import { AUTHENTICATION, SignInService, type RequestOrigin } from '../sign-in.service';
import type { Enroller } from './enroller';
import { invalidMfaToken, MfaChallenges, type MfaChallenge } from './mfa-challenges';
import { MfaFactorsRepository } from './mfa-factors.repository';
import { MfaLockouts } from './mfa-lockouts';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { TotpService } from './totp.service';

/**
 * A second factor put to the test: `check` proves it in the sign-in's transaction and records its
 * use (or, enrolling, stores it). It answers true when proved, false when wrong, and `'spent'`
 * when it is the right code but used already (or the server's clock went back): refused, but no
 * guess, so it does not count towards the lock. A refused attempt is answered with `refusal()`.
 */
export interface FactorCheck {
  check: (manager: EntityManager, user: User) => Promise<boolean | 'spent'>;
  refusal: () => DomainError;
}

export interface MfaStatus {
  methods: MfaMethod[];
  recoveryCodesLeft: number;
  required: boolean;
}

/** A transaction's outcome: its answer, or the refusal to throw once it has committed what the refusal leaves behind (the count, the audit). */
type Outcome<T> = { answer: T } | { refusal: DomainError };

function answerOf<T>(outcome: Outcome<T>): T {
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome.answer;
}

export function mfaEnrolmentClosed(): Unauthenticated {
  return new Unauthenticated('A second factor was enrolled since this sign-in began; sign in again and use it', { code: 'mfa_enrolment_closed' });
}

/**
 * The second factor: enrolling an authenticator app, proving it at sign-in, recovery codes, and
 * a reset by the leader or the admin. Attempts are throttled per account and address like
 * passwords, wrong ones counted towards a lock (MfaLockouts), and every outcome is audited under
 * the user's plan. A user's attempts, enrolments and resets take the user's row in mfa_user_state,
 * so they happen one after the other.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly totp: TotpService,
    private readonly factors: MfaFactorsRepository,
    private readonly challenges: MfaChallenges,
    private readonly signIn: SignInService,
    private readonly lockouts: MfaLockouts,
    private readonly notices: AccountNotices,
    private readonly users: UsersService,
    private readonly sessions: SessionsRepository,
    private readonly passwordResets: PasswordResetLinks,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditWriter,
    private readonly uow: UnitOfWork,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async startTotp(enroller: Enroller, origin: RequestOrigin): Promise<TotpEnrolmentResponse> {
    const user = await this.enrollingUser(enroller, 'totp', origin);
    const started = await this.totp.start(this.manager, user);
    if (!started) throw new Conflict('You already have an authenticator app; ask your leader to reset it to enrol another', { code: 'totp_already_enrolled' });
    return started;
  }

  /** Confirms the app with its first code (see `enrol`). */
  async confirmTotp(enroller: Enroller, code: string, origin: RequestOrigin): Promise<MfaEnrolmentResponse> {
    return this.enrol(enroller, 'totp', origin, {
      check: (manager, user) => this.totp.check(manager, user.id, code, true),
      refusal: () => new Unauthenticated('The code is wrong or has expired; enter the code the app shows now', { code: 'mfa_code_invalid' }),
    });
  }

  /**
   * Enrols a second factor (an authenticator app or a passkey) that `factor` proves and stores,
   * throttled like sign-in. An enrolment challenge (at sign-in, for a user with no second factor)
   * adds a factor only while the user still has none, checked with the user's row taken in the
   * transaction that adds it: of two challenges of the same user, one enrols and the other is
   * refused (401 `mfa_enrolment_closed`); and only if no reset came since it was given (401
   * `mfa_token_invalid`: it was given for the password the reset took away). A signed-in user
   * (bearer token and step-up) may add more.
   * The first second factor comes with ten recovery codes; at sign-in, the enrolment completes the sign-in.
   */
  async enrol(enroller: Enroller, method: 'totp' | 'passkey', origin: RequestOrigin, factor: FactorCheck): Promise<MfaEnrolmentResponse> {
    const user = await this.enrollingUser(enroller, method, origin);
    const challenge = 'challenge' in enroller ? enroller.challenge : undefined;
    await this.throttle.begin(throttleKey(user.id), origin.address);
    const outcome = await this.uow.run(async (manager): Promise<Outcome<MfaEnrolmentResponse>> => {
      const state = await this.lockouts.lockForChange(manager, user.id);
      const firstFactor = (await this.factors.methodsOf(manager, user.id)).length === 0;
      const refusal = challenge && challengeRefusal(challenge, state.resets, firstFactor);
      if (refusal) {
        await this.audit.record(this.actorOf(user, origin), this.failedEvent(user, origin, { method, outcome: 'refused', reason: refusal.code }, challenge), manager);
        return { refusal };
      }
      if ((await factor.check(manager, user)) !== true) {
        // Enrolling is no guess at an existing factor: audited, not counted towards the lock.
        const refusal = factor.refusal();
        await this.audit.record(this.actorOf(user, origin), this.failedEvent(user, origin, { method, outcome: 'failed', reason: refusal.code }, challenge), manager);
        return { refusal };
      }
      const details = signInDetails(origin, { method, outcome: 'changed' }, challenge);
      await this.audit.record(this.actorOf(user, origin), { action: `user.mfa_enrolled.${method}`, purpose: AUTHENTICATION, entityType: 'user', entityId: user.id, details }, manager);
      const recoveryCodes = firstFactor ? await this.issueRecoveryCodes(manager, user.id) : undefined;
      const tokens = challenge ? await this.signIn.secondFactorProved(manager, user, challenge, AMR[method], origin) : undefined;
      return { answer: { ...tokens, ...(recoveryCodes ? { recoveryCodes } : {}) } };
    });
    const enrolled = answerOf(outcome);
    await this.throttle.succeeded(throttleKey(user.id), origin.address);
    return enrolled;
  }

  /** The second step of a sign-in with the authenticator app's code. */
  async signInWithTotp(mfaToken: string, code: string, origin: RequestOrigin): Promise<TokenPairResponse> {
    return this.signInWithSecondFactor(await this.challenges.verify(mfaToken, 'verify'), AMR.totp, origin, this.totpFactor(code));
  }

  /** The second step with a recovery code, each of which works once. */
  async signInWithRecoveryCode(mfaToken: string, code: string, origin: RequestOrigin): Promise<TokenPairResponse> {
    const challenge = await this.challenges.verify(mfaToken, 'verify');
    return this.signInWithSecondFactor(challenge, AMR.recoveryCode, origin, this.recoveryCodeFactor(code, origin, challenge));
  }

  /** The authenticator app's current code; each time step is accepted once. */
  totpFactor(code: string): FactorCheck {
    return {
      check: (manager, user) => this.totp.check(manager, user.id, code),
      refusal: () => new Unauthenticated('The code is wrong, has expired or was used already', { code: 'mfa_code_invalid' }),
    };
  }

  /** One of the user's recovery codes, used up (and its use audited) when it proves the factor. */
  recoveryCodeFactor(code: string, origin: RequestOrigin, proof: FirstFactorProof): FactorCheck {
    return {
      check: async (manager, user) => {
        if (!(await this.factors.useRecoveryCode(manager, user.id, hashRecoveryCode(code)))) return false;
        const details = signInDetails(origin, { method: 'recovery_code', outcome: 'succeeded' }, proof);
        await this.audit.record(this.actorOf(user, origin), { action: 'auth.recovery_code_used', purpose: AUTHENTICATION, entityType: 'user', entityId: user.id, details }, manager);
        return true;
      },
      refusal: () => new Unauthenticated('The recovery code is wrong or was used already', { code: 'recovery_code_invalid' }),
    };
  }

  /** The second step of a sign-in (a `verify` challenge) with a factor that `factor` proves (see `proveSecondFactor`). */
  async signInWithSecondFactor(challenge: MfaChallenge, method: AuthenticationMethod, origin: RequestOrigin, factor: FactorCheck): Promise<TokenPairResponse> {
    return this.proveSecondFactor(challenge.userId, challenge, method, origin, factor, (manager, user) => this.signIn.secondFactorProved(manager, user, challenge, method, origin));
  }

  /**
   * A second factor put to the test for a sign-in's second step or a step-up (`proof`: the
   * sign-in it belongs to, for the audit log), throttled like passwords. A wrong factor is counted
   * in the attempt's own transaction, which commits, so the count outlives the refusal; the tenth
   * in a row locks the factor (MfaLockouts). Proved, `then` completes in the same transaction.
   */
  async proveSecondFactor<T>(
    userId: string,
    proof: FirstFactorProof,
    method: AuthenticationMethod,
    origin: RequestOrigin,
    factor: FactorCheck,
    then: (manager: EntityManager, user: User) => Promise<T>,
  ): Promise<T> {
    const user = await this.activeUser(userId);
    await this.throttle.begin(throttleKey(user.id), origin.address);
    const attempt = { method: METHOD_OF_AMR[method] ?? method, refusal: factor.refusal() };
    const outcome = await this.uow.run(async (manager): Promise<Outcome<T>> => {
      const locked = await this.lockouts.begin(manager, user, proof, attempt, origin);
      if (locked) return { refusal: locked };
      const proved = await factor.check(manager, user);
      if (proved !== true) return { refusal: await this.lockouts.failed(manager, user, proof, attempt, origin, proved !== 'spent') };
      await this.lockouts.succeeded(manager, user.id);
      return { answer: await then(manager, user) };
    });
    const answer = answerOf(outcome);
    await this.throttle.succeeded(throttleKey(user.id), origin.address);
    return answer;
  }

  /** Refuses (403 `mfa_locked`) the options for a second step whose factor is locked. */
  async assertNotLocked(userId: string): Promise<void> {
    await this.lockouts.assertNotLocked(this.manager, userId);
  }

  async status(actor: Actor): Promise<MfaStatus> {
    const [methods, recoveryCodesLeft] = await Promise.all([
      this.factors.methodsOf(this.manager, actor.userId),
      this.factors.unusedRecoveryCodes(this.manager, actor.userId),
    ]);
    return { methods: methods.filter((m) => m !== 'recovery_code'), recoveryCodesLeft, required: this.signIn.mfaRequiredFor(actor.role) };
  }

  /** New recovery codes for a signed-in user with a second factor; the earlier ones stop working. */
  async renewRecoveryCodes(actor: Actor): Promise<{ recoveryCodes: string[] }> {
    return this.uow.run(async (manager) => {
      if ((await this.factors.methodsOf(manager, actor.userId)).length === 0) {
        throw new Conflict('Enrol a second factor first; recovery codes stand in for a lost one', { code: 'mfa_not_enrolled' });
      }
      const recoveryCodes = await this.issueRecoveryCodes(manager, actor.userId);
      await this.audit.record(actor, { action: 'user.recovery_codes_renewed', purpose: AUTHENTICATION, entityType: 'user', entityId: actor.userId }, manager);
      return { recoveryCodes };
    });
  }

  /**
   * The leader (of the user's plan) or the admin removes a user's second factors, for a lost phone
   * and no recovery codes, or a locked factor, which it unlocks. Every session of the user ends, and
   * enrolment challenges given before it are void. The local password goes too, and the user is
   * e-mailed a one-time link to choose a new one and enrol a new factor (PasswordResetLinks): whoever
   * knew the old password, and perhaps locked the factor with it on purpose, cannot enrol their own.
   * An account that signs in only through single sign-on enrols at its next sign-in and is e-mailed
   * a notice. Either way a reset they did not ask for does not go unnoticed. The route needs a
   * recent sign-in of the one resetting (step-up).
   */
  async reset(actor: Actor, userId: string, origin: RequestOrigin): Promise<void> {
    await this.uow.run(async (manager) => {
      const user = await this.users.findActiveUser(userId, manager);
      const reachable = user && user.role !== 'admin' && (actor.role === 'admin' || user.planId === actor.planId);
      if (!user || !reachable) throw new NotFound('User');
      await this.lockouts.lockForChange(manager, userId);
      await this.factors.removeAll(manager, userId);
      await this.lockouts.unlock(manager, userId);
      await this.sessions.endAllOf(manager, userId, 'mfa_reset');
      const details = signInDetails(origin, { outcome: 'changed' });
      const inPlan = { ...actor, planId: user.planId };
      await this.audit.record(inPlan, { action: 'user.mfa_reset', purpose: 'user_management', entityType: 'user', entityId: userId, details }, manager);
      if (!(await this.passwordResets.issueAfterFactorReset(manager, inPlan, user, origin))) await this.notices.file(manager, userId, 'mfa_reset');
    });
  }

  /**
   * Removes one of the user's own factors (`remove`, which throws when there is no such factor), in
   * one transaction with the user's row taken, so that two removals happen one after the other.
   * Refused (409 `last_second_factor`) when it would leave a user whose role must use a second
   * factor with none: their next sign-in would enrol whatever factor the one who knows the password brings.
   */
  async removeOwnFactor(actor: Actor, remove: (manager: EntityManager) => Promise<void>): Promise<void> {
    await this.uow.run(async (manager) => {
      await this.lockouts.lockForChange(manager, actor.userId);
      await remove(manager);
      if (this.signIn.mfaRequiredFor(actor.role) && (await this.factors.methodsOf(manager, actor.userId)).length === 0) {
        throw new Conflict('This is your last second factor, and your role must use one: add another first (or ask your leader to reset it)', { code: 'last_second_factor' });
      }
    });
  }

  private async issueRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.factors.replaceRecoveryCodes(manager, userId, codes.map(hashRecoveryCode));
    return codes;
  }

  /**
   * The user an enrolment (of `method`) is for; a `verify` challenge enrols nothing, nor an `enrol`
   * one once the user has a factor (audited: it is how a second sign-in would add its own factor).
   */
  async enrollingUser(enroller: Enroller, method: 'totp' | 'passkey', origin: RequestOrigin): Promise<User> {
    if ('actor' in enroller) return this.activeUser(enroller.actor.userId);
    const challenge = enroller.challenge;
    if (challenge.stage !== 'enrol') {
      // A verify challenge belongs to a user who has a factor: adding another needs that one first.
      throw new Unauthenticated('Prove your second factor first; factors are added when signed in', { code: 'mfa_token_invalid' });
    }
    const user = await this.activeUser(challenge.userId);
    // Checked again, with the user's row taken, in the transaction that adds the factor (enrol()).
    const [methods, resets] = await Promise.all([this.factors.methodsOf(this.manager, user.id), this.lockouts.resetsOf(this.manager, user.id)]);
    const refusal = challengeRefusal(challenge, resets, methods.length === 0);
    if (refusal) {
      await this.audit.record(this.actorOf(user, origin), this.failedEvent(user, origin, { method, outcome: 'refused', reason: refusal.code }, challenge));
      throw refusal;
    }
    return user;
  }

  private async activeUser(userId: string): Promise<User> {
    const user = await this.users.findActiveUser(userId);
    if (!user) throw new Unauthenticated('The account is no longer active', { code: 'session_ended' });
    return user;
  }

  private failedEvent(user: User, origin: RequestOrigin, details: Omit<SignInDetails, 'address' | 'userAgent'>, challenge?: MfaChallenge) {
    return { action: 'auth.mfa_failed', purpose: AUTHENTICATION, entityType: 'user', entityId: user.id, details: signInDetails(origin, details, challenge) };
  }

  private actorOf(user: User, origin: RequestOrigin) {
    return { userId: user.id, role: user.role, planId: user.planId, requestId: origin.requestId };
  }
}

/**
 * Why an enrolment challenge may no longer enrol: a reset since it was given (it proved the
 * password the reset took away), or a factor enrolled since (it enrols only a user's first).
 */
function challengeRefusal(challenge: MfaChallenge, resets: number, firstFactor: boolean): DomainError | undefined {
  if ((challenge.resets ?? 0) !== resets) return invalidMfaToken();
  return firstFactor ? undefined : mfaEnrolmentClosed();
}

/** Second-factor attempts count on their own key, so they neither use up nor reset the password's budget. */
const throttleKey = (userId: string) => `mfa:${userId}`;
