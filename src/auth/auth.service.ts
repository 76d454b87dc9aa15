import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { StepUpPolicy } from '../access/step-up';
import { AuditWriter } from '../audit/audit-writer';
import { DomainError, RuleViolation, Unauthenticated } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { InvitationsService } from '../users/invitations.service';
import { PasswordResetLinks } from '../users/password-reset-links.service';
import { SessionsRepository } from '../users/sessions.repository';
import { UsersService } from '../users/users.service';
import { AMR } from './authentication-methods';
import type { MeResponse, SignInResponse, TokenPairResponse } from './dto/auth-response.dto';
import { LoginThrottle } from './login-throttle';
import { MfaFactorsRepository } from './mfa/mfa-factors.repository';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { ProviderLogouts } from './provider-logouts';
import type { RefreshToken } from './refresh-token.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { LOCAL_PROVIDER, signInDetails } from './sign-in-audit';
import { AUTHENTICATION, SignInService, type RequestOrigin } from './sign-in.service';
import { hashSecret, TokenIssuer } from './token-issuer';

export type TokenPair = TokenPairResponse;

/** Refresh tokens look like `<token id>.<secret>`; only a hash of the secret is stored. */
function parseRefreshToken(token: string): { id: string; secret: string } | undefined {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1], secret: match[2] } : undefined;
}

/**
 * Signing in and out. Each login opens a session; access tokens name it (`sid`) and are accepted
 * only while it is open, so logout, refresh-token reuse, a role change, deactivation or a
 * password change end access at once. Every login, failed login, reuse and logout is audited
 * under the account's plan, where its leader sees it.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
    private readonly passwordResets: PasswordResetLinks,
    private readonly sessions: SessionsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly tokens: TokenIssuer,
    private readonly signIn: SignInService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditWriter,
    private readonly uow: UnitOfWork,
    private readonly providerLogouts: ProviderLogouts,
    private readonly factors: MfaFactorsRepository,
    private readonly stepUp: StepUpPolicy,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async login(email: string, password: string, origin: RequestOrigin): Promise<SignInResponse> {
    await this.throttle.begin(email, origin.address);
    const user = await this.users.findSignInAccount(email);
    // An account made by single sign-on has no password: it is checked against a decoy like an unknown e-mail.
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!user || !user.passwordHash || !valid) {
      const account = user ?? (await this.users.accountOf(email));
      await this.audit.record(
        { userId: null, role: null, planId: account?.planId ?? null, requestId: origin.requestId },
        {
          action: 'auth.login_failed',
          purpose: AUTHENTICATION,
          entityType: account ? 'user' : undefined,
          entityId: account?.id ?? null,
          details: signInDetails(origin, { provider: LOCAL_PROVIDER, method: 'password', outcome: 'failed', reason: 'invalid_credentials' }),
        },
      );
      throw new Unauthenticated('Wrong e-mail or password', { code: 'invalid_credentials' });
    }
    await this.throttle.succeeded(email, origin.address);
    try {
      return await this.signIn.firstFactorProved(user, { amr: [AMR.password], authenticatedAt: new Date(), method: 'password' }, origin);
    } catch (error) {
      // The password was right, and still no sign-in (a locked second factor): the leader sees why.
      if (error instanceof DomainError && error.status < 500) {
        await this.audit.record(
          { userId: user.id, role: user.role, planId: user.planId, requestId: origin.requestId },
          {
            action: 'auth.login_refused',
            purpose: AUTHENTICATION,
            entityType: 'user',
            entityId: user.id,
            details: signInDetails(origin, { provider: LOCAL_PROVIDER, method: 'password', outcome: 'refused', reason: error.code }),
          },
        );
      }
      throw error;
    }
  }

  /** The invitee sets a password and is signed in at once (or, where their role must use MFA, goes on to enrol a second factor). */
  async acceptInvitation(token: string, password: string, origin: RequestOrigin): Promise<SignInResponse> {
    // One transaction: a used invitation without a session (the invitee locked out) cannot happen.
    return this.uow.run(async (manager) => {
      const user = await this.invitations.accept(token, password, origin.requestId);
      return this.signIn.firstFactorProved(user, { amr: [AMR.password], authenticatedAt: new Date(), method: 'password' }, origin, manager);
    });
  }

  /**
   * After a reset of their second factor, the user chooses a new password with the e-mailed link and
   * is signed in with it: where their role must use a second factor, that is the enrolment of a new
   * one (`mfa_enrolment_required`), which only the holder of the link and the new password reaches.
   */
  async completePasswordReset(token: string, password: string, origin: RequestOrigin): Promise<SignInResponse> {
    // One transaction: a used link without the sign-in it was for (the user locked out) cannot happen.
    return this.uow.run(async (manager) => {
      const user = await this.passwordResets.use(manager, token, password, origin);
      return this.signIn.firstFactorProved(user, { amr: [AMR.password], authenticatedAt: new Date(), method: 'password' }, origin, manager);
    });
  }

  /**
   * Rotates a refresh token. Each token works once; presenting a used or revoked one is taken
   * as theft and ends the session, so the thief's and the victim's tokens both stop working.
   */
  async refresh(token: string, origin: RequestOrigin): Promise<TokenPair> {
    const parsed = parseRefreshToken(token);
    if (!parsed) throw invalidRefreshToken();
    const stored = await this.refreshTokens.findById(this.manager, parsed.id);
    if (!stored || !this.secretMatches(stored.secretHash, parsed.secret)) throw invalidRefreshToken();

    // Claim the token atomically: of two concurrent refreshes with the same token, one wins.
    if (!(await this.refreshTokens.claim(this.manager, stored.id))) {
      if (stored.usedAt && !stored.revokedAt) await this.endSession(stored, 'refresh_token_reused', 'auth.refresh_token_reused', origin);
      throw new Unauthenticated('The refresh token is no longer valid; sign in again', { code: 'refresh_token_invalid' });
    }
    const user = await this.users.findActiveUser(stored.userId);
    const session = user && (await this.sessions.findOpen(this.manager, stored.familyId));
    if (!user || !session) {
      // Past its absolute end (SESSION_MAX_HOURS), or its account is no longer active.
      await this.sessions.end(this.manager, stored.familyId, user ? 'expired' : 'account_inactive');
      throw new Unauthenticated('The session has ended; sign in again', { code: 'session_ended' });
    }
    return this.uow.run(async (manager) => {
      await this.users.markSeen(manager, user.id);
      return this.tokens.issue(manager, user, session);
    });
  }

  /**
   * Ends the session the refresh token belongs to. Unknown tokens are ignored, so logout never
   * tells an attacker anything. A session a single sign-on provider opened answers where the
   * browser signs out at the provider too (ProviderLogouts), once ours has ended.
   */
  async logout(token: string, origin: RequestOrigin): Promise<string | undefined> {
    const parsed = parseRefreshToken(token);
    if (!parsed) return undefined;
    const stored = await this.refreshTokens.findById(this.manager, parsed.id);
    if (!stored || !this.secretMatches(stored.secretHash, parsed.secret)) return undefined;
    await this.endSession(stored, 'logout', 'auth.logout', origin);
    const link = await this.sessions.ssoLinkOf(this.manager, stored.familyId);
    return link ? this.providerLogouts.urlFor(link) : undefined;
  }

  /**
   * The session a refresh token belongs to, when the token is genuine: a logout that also ends the
   * session at its single sign-on provider reads the session's link to it before it ends.
   */
  async sessionOfRefreshToken(token: string): Promise<string | undefined> {
    const parsed = parseRefreshToken(token);
    if (!parsed) return undefined;
    const stored = await this.refreshTokens.findById(this.manager, parsed.id);
    return stored && this.secretMatches(stored.secretHash, parsed.secret) ? stored.familyId : undefined;
  }

  /** Changes one's own password; every other session of the user ends (a thief's included). */
  async changePassword(actor: Actor, sessionId: string, currentPassword: string, newPassword: string, origin: RequestOrigin): Promise<void> {
    const user = await this.users.findActiveUserWithPasswordById(actor.userId);
    if (!user) throw new Unauthenticated('The account is no longer active', { code: 'session_ended' });
    await this.throttle.begin(user.email, origin.address);
    if (!user.passwordHash) {
      throw new RuleViolation([{ rule: 'single_sign_on_account', message: 'this account signs in through single sign-on and has no password here' }], 'single_sign_on_account');
    }
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new Unauthenticated('The current password is wrong', { code: 'invalid_credentials' });
    }
    await this.throttle.succeeded(user.email, origin.address);
    await this.uow.run(async (manager) => {
      await this.users.setPassword(manager, user, newPassword);
      await this.sessions.endAllOf(manager, user.id, 'password_changed', sessionId);
      const details = signInDetails(origin, { provider: LOCAL_PROVIDER, method: 'password', outcome: 'changed' });
      await this.audit.record(actor, { action: 'user.password_changed', purpose: AUTHENTICATION, entityType: 'user', entityId: user.id, details }, manager);
    });
  }

  /** Who the caller is, which second factors they have, and until when their sign-in answers reads that need a step-up. */
  async me(actor: Actor): Promise<MeResponse> {
    const user = await this.users.findActiveUser(actor.userId);
    if (!user) throw new Unauthenticated('The account is no longer active', { code: 'session_ended' });
    const secondFactors = await this.factors.methodsOf(this.manager, user.id);
    const stepUpUntil = this.stepUp.until({ role: user.role, amr: actor.amr, authTime: actor.authTime });
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      planId: user.planId,
      organisationId: user.organisationId,
      secondFactors,
      mfaRequired: this.signIn.mfaRequiredFor(user.role),
      stepUpUntil: stepUpUntil?.toISOString() ?? null,
    };
  }

  private async endSession(stored: RefreshToken, reason: 'logout' | 'refresh_token_reused', action: string, origin: RequestOrigin): Promise<void> {
    await this.uow.run(async (manager) => {
      await this.sessions.end(manager, stored.familyId, reason);
      const user = await this.users.findActiveUser(stored.userId, manager);
      await this.audit.record(
        { userId: user?.id ?? null, role: user?.role ?? null, planId: user?.planId ?? null, requestId: origin.requestId },
        {
          action,
          purpose: AUTHENTICATION,
          entityType: 'user',
          entityId: stored.userId,
          details: signInDetails(origin, { method: 'refresh_token', outcome: 'ended', ...(reason === 'refresh_token_reused' ? { reason: 'refresh_token_reused' } : {}) }),
        },
        manager,
      );
    });
  }

  private secretMatches(storedHash: string, secret: string): boolean {
    return timingSafeEqual(Buffer.from(storedHash, 'hex'), Buffer.from(hashSecret(secret), 'hex'));
  }
}

function invalidRefreshToken(): Unauthenticated {
  return new Unauthenticated('Invalid refresh token', { code: 'refresh_token_invalid' });
}
