import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../access/actor';
import { AuditWriter } from '../../audit/audit-writer';
import { Conflict, NotFound, Unauthenticated, type DomainError } from '../../common/domain-errors';
import { UnitOfWork } from '../../database/unit-of-work';
import { SessionsRepository } from '../../users/sessions.repository';
import type { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { AMR, type AuthenticationMethod, type MfaMethod } from '../authentication-methods';
import type { EnrolmentResponse, TokenPairResponse, TotpEnrolmentResponse } from '../dto/auth-response.dto';
import { LoginThrottle } from '../login-throttle';
import { AUTHENTICATION, SignInService, type RequestOrigin } from '../sign-in.service';
import type { Enroller } from './enroller';
import { MfaChallenges, type MfaChallenge } from './mfa-challenges';
import { MfaFactorsRepository } from './mfa-factors.repository';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { TotpService } from './totp.service';

/**
 * A second factor put to the test: `check` proves it in the sign-in's transaction and records its
 * use (or, enrolling, stores it); when it answers false the attempt is refused with `refusal()`.
 */
export interface FactorCheck {
  check: (manager: EntityManager, user: User) => Promise<boolean>;
  refusal: () => DomainError;
}

export interface MfaStatus {
  methods: MfaMethod[];
  recoveryCodesLeft: number;
  required: boolean;
}

/**
 * The second factor: enrolling an authenticator app, proving it at sign-in, recovery codes, and
 * a reset by the leader or the admin. Attempts are throttled per account and address like
 * passwords, and every outcome is audited under the user's plan.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly totp: TotpService,
    private readonly factors: MfaFactorsRepository,
    private readonly challenges: MfaChallenges,
    private readonly signIn: SignInService,
    private readonly users: UsersService,
    private readonly sessions: SessionsRepository,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditWriter,
    private readonly uow: UnitOfWork,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async startTotp(enroller: Enroller): Promise<TotpEnrolmentResponse> {
    const user = await this.enrollingUser(enroller);
    const started = await this.totp.start(this.manager, user);
    if (!started) throw new Conflict('You already have an authenticator app; ask your leader to reset it to enrol another', { code: 'totp_already_enrolled' });
    return started;
  }

  /** Confirms the app with its first code (see `enrol`). */
  async confirmTotp(enroller: Enroller, code: string, origin: RequestOrigin): Promise<EnrolmentResponse> {
    return this.enrol(enroller, 'totp', origin, {
      check: (manager, user) => this.totp.check(manager, user.id, code, true),
      refusal: () => new Unauthenticated('The code is wrong or has expired; enter the code the app shows now', { code: 'mfa_code_invalid' }),
    });
  }

  /**
   * Enrols a second factor (an authenticator app or a passkey) that `factor` proves and stores,
   * throttled like sign-in. The first second factor comes with ten recovery codes; at sign-in,
   * the enrolment completes the sign-in.
   */
  async enrol(enroller: Enroller, method: 'totp' | 'passkey', origin: RequestOrigin, factor: FactorCheck): Promise<EnrolmentResponse> {
    const user = await this.enrollingUser(enroller);
    await this.throttle.begin(throttleKey(user.id), origin.address);
    return this.uow.run(async (manager) => {
      const firstFactor = (await this.factors.methodsOf(manager, user.id)).length === 0;
      if (!(await factor.check(manager, user))) {
        await this.failed(user, origin, 'auth.mfa_failed');
        throw factor.refusal();
      }
      await this.audit.record(this.actorOf(user, origin), { action: `user.mfa_enrolled.${method}`, purpose: AUTHENTICATION, entityType: 'user', entityId: user.id }, manager);
      const recoveryCodes = firstFactor ? await this.issueRecoveryCodes(manager, user.id) : undefined;
      const tokens = 'challenge' in enroller ? await this.signIn.secondFactorProved(manager, user, enroller.challenge, AMR[method], origin) : undefined;
      await this.throttle.succeeded(throttleKey(user.id), origin.address);
      return { ...tokens, ...(recoveryCodes ? { recoveryCodes } : {}) };
    });
  }

  /** The second step of a sign-in with the authenticator app's code. */
  async signInWithTotp(mfaToken: string, code: string, origin: RequestOrigin): Promise<TokenPairResponse> {
    return this.signInWithSecondFactor(await this.challenges.verify(mfaToken, 'verify'), AMR.totp, origin, {
      check: (manager, user) => this.totp.check(manager, user.id, code),
      refusal: () => new Unauthenticated('The code is wrong, has expired or was used already', { code: 'mfa_code_invalid' }),
    });
  }

  /** The second step with a recovery code, each of which works once. */
  async signInWithRecoveryCode(mfaToken: string, code: string, origin: RequestOrigin): Promise<TokenPairResponse> {
    return this.signInWithSecondFactor(await this.challenges.verify(mfaToken, 'verify'), AMR.recoveryCode, origin, {
      check: async (manager, user) => {
        if (!(await this.factors.useRecoveryCode(manager, user.id, hashRecoveryCode(code)))) return false;
        await this.audit.record(this.actorOf(user, origin), { action: 'auth.recovery_code_used', purpose: AUTHENTICATION, entityType: 'user', entityId: user.id }, manager);
        return true;
      },
      refusal: () => new Unauthenticated('The recovery code is wrong or was used already', { code: 'recovery_code_invalid' }),
    });
  }

  /** The second step of a sign-in (a `verify` challenge) with a factor that `factor` proves, throttled like passwords. */
  async signInWithSecondFactor(challenge: MfaChallenge, method: AuthenticationMethod, origin: RequestOrigin, factor: FactorCheck): Promise<TokenPairResponse> {
    const user = await this.activeUser(challenge.userId);
    await this.throttle.begin(throttleKey(user.id), origin.address);
    return this.uow.run(async (manager) => {
      if (!(await factor.check(manager, user))) {
        await this.failed(user, origin, 'auth.mfa_failed');
        throw factor.refusal();
      }
      const tokens = await this.signIn.secondFactorProved(manager, user, challenge, method, origin);
      await this.throttle.succeeded(throttleKey(user.id), origin.address);
      return tokens;
    });
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
   * and no recovery codes. Every session of the user ends; at the next sign-in they enrol again.
   */
  async reset(actor: Actor, userId: string): Promise<void> {
    await this.uow.run(async (manager) => {
      const user = await this.users.findActiveUser(userId, manager);
      const reachable = user && user.role !== 'admin' && (actor.role === 'admin' || user.planId === actor.planId);
      if (!user || !reachable) throw new NotFound('User');
      await this.factors.removeAll(manager, userId);
      await this.sessions.endAllOf(manager, userId, 'mfa_reset');
      await this.audit.record({ ...actor, planId: user.planId }, { action: 'user.mfa_reset', purpose: 'user_management', entityType: 'user', entityId: userId }, manager);
    });
  }

  private async issueRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.factors.replaceRecoveryCodes(manager, userId, codes.map(hashRecoveryCode));
    return codes;
  }

  /** The user an enrolment is for; a `verify` challenge enrols nothing. */
  async enrollingUser(enroller: Enroller): Promise<User> {
    if ('actor' in enroller) return this.activeUser(enroller.actor.userId);
    if (enroller.challenge.stage !== 'enrol') {
      // A verify challenge belongs to a user who has a factor: adding another needs that one first.
      throw new Unauthenticated('Prove your second factor first; factors are added when signed in', { code: 'mfa_token_invalid' });
    }
    return this.activeUser(enroller.challenge.userId);
  }

  private async activeUser(userId: string): Promise<User> {
    const user = await this.users.findActiveUser(userId);
    if (!user) throw new Unauthenticated('The account is no longer active', { code: 'session_ended' });
    return user;
  }

  private async failed(user: User, origin: RequestOrigin, action: string): Promise<void> {
    // Outside the transaction that is about to roll back: a failed attempt stays in the log.
    await this.audit.record(this.actorOf(user, origin), { action, purpose: AUTHENTICATION, entityType: 'user', entityId: user.id });
  }

  private actorOf(user: User, origin: RequestOrigin) {
    return { userId: user.id, role: user.role, planId: user.planId, requestId: origin.requestId };
  }
}

/** Second-factor attempts count on their own key, so they neither use up nor reset the password's budget. */
const throttleKey = (userId: string) => `mfa:${userId}`;
