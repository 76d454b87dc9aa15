import { Inject, Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Role } from '../access/roles';
import { AuditWriter } from '../audit/audit-writer';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UnitOfWork } from '../database/unit-of-work';
import { SessionsRepository } from '../users/sessions.repository';
import { isMultiFactor } from './authentication-methods';
import type { ApprovalPendingResponse, MfaChallengeResponse, SignInResponse, TokenPairResponse } from './dto/auth-response.dto';
import { invalidMfaToken, MfaChallenges, type MfaChallenge } from './mfa/mfa-challenges';
import { MfaFactorsRepository } from './mfa/mfa-factors.repository';
import { MfaLockouts } from './mfa/mfa-lockouts';
import { METHOD_OF_AMR, signInDetails, type FirstFactorProof } from './sign-in-audit';
import { AUTHENTICATION, type RequestOrigin, type SigningInUser } from './sign-in-types';
import { TokenIssuer } from './token-issuer';

export { AUTHENTICATION, type RequestOrigin, type SigningInUser } from './sign-in-types';

/**
 * The one place a sign-in becomes a session, whatever proved the first factor (a password, an
 * OpenID Connect or SAML provider). A user with a second factor is asked for it (unless it is
 * locked: 403 `mfa_locked`); a user whose role must use one and has none enrols before getting a
 * token (MFA_REQUIRED_ROLES); a provider that asserted its own multi-factor login is trusted for it.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly factors: MfaFactorsRepository,
    private readonly challenges: MfaChallenges,
    private readonly lockouts: MfaLockouts,
    private readonly tokens: TokenIssuer,
    private readonly audit: AuditWriter,
    private readonly uow: UnitOfWork,
    @InjectEntityManager() private readonly manager: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  mfaRequiredFor(role: Role): boolean {
    return this.config.mfaRequiredRoles.includes(role);
  }

  /** The first factor is proved: tokens, the second step still needed, or (an account not yet approved) no session at all. */
  async firstFactorProved(user: SigningInUser, proof: FirstFactorProof, origin: RequestOrigin, manager?: EntityManager): Promise<SignInResponse> {
    if (user.awaitingApproval) {
      await this.audit.record(
        { userId: user.id, role: null, planId: user.planId, requestId: origin.requestId },
        { action: 'auth.login_awaiting_approval', purpose: AUTHENTICATION, entityType: 'user', entityId: user.id, details: signInDetails(origin, { outcome: 'refused', method: proof.method ?? 'password', reason: 'approval_pending' }, proof) },
        manager,
      );
      return { status: 'approval_pending' } satisfies ApprovalPendingResponse;
    }
    if (!isMultiFactor(proof.amr)) {
      const methods = await this.factors.methodsOf(manager ?? this.manager, user.id);
      if (methods.length > 0) {
        // Told at once, rather than after a code: the password was right, and the way on is the leader.
        await this.lockouts.assertNotLocked(manager ?? this.manager, user.id);
        return { status: 'mfa_required', mfaToken: await this.challenges.sign(user.id, 'verify', proof), methods } satisfies MfaChallengeResponse;
      }
      if (this.mfaRequiredFor(user.role)) {
        // Bound to the resets so far: a reset before the enrolment voids it (MfaService.enrol).
        const resets = await this.lockouts.resetsOf(manager ?? this.manager, user.id);
        return { status: 'mfa_enrolment_required', mfaToken: await this.challenges.sign(user.id, 'enrol', proof, resets) } satisfies MfaChallengeResponse;
      }
    }
    const method = proof.method ?? 'password';
    if (manager) return this.openSession(manager, user, proof, origin, method);
    return this.uow.run((inTransaction) => this.openSession(inTransaction, user, proof, origin, method));
  }

  /**
   * The second factor is proved (`method`, an amr value) for a challenge: the session opens, in the
   * caller's transaction, which also recorded the factor's use. A challenge completes once.
   */
  async secondFactorProved(manager: EntityManager, user: SigningInUser, challenge: MfaChallenge, method: string, origin: RequestOrigin): Promise<TokenPairResponse> {
    if (!(await this.challenges.complete(challenge))) throw invalidMfaToken();
    const proof: FirstFactorProof = { ...challenge, amr: [...new Set([...challenge.amr, method])] };
    return this.openSession(manager, user, proof, origin, METHOD_OF_AMR[method] ?? method);
  }

  /**
   * `method`: the step that completed the sign-in, as the audit log names it. Every session has an
   * absolute end (SESSION_MAX_HOURS after it opens; a single sign-on session's own end when sooner),
   * whatever its refresh tokens say: a stolen refresh token is not a key for life.
   */
  private async openSession(manager: EntityManager, user: SigningInUser, proof: FirstFactorProof, origin: RequestOrigin, method: string): Promise<TokenPairResponse> {
    const latest = new Date(Date.now() + this.config.sessionMaxHours * 3600_000);
    const expiresAt = proof.expiresAt && proof.expiresAt < latest ? proof.expiresAt : latest;
    const session = await this.sessions.open(manager, user.id, { amr: proof.amr, authenticatedAt: proof.authenticatedAt, provider: proof.provider, expiresAt, sso: proof.sso });
    await this.audit.record(
      { userId: user.id, role: user.role, planId: user.planId, requestId: origin.requestId },
      {
        action: 'auth.login_succeeded',
        purpose: AUTHENTICATION,
        entityType: 'user',
        entityId: user.id,
        details: signInDetails(origin, { outcome: 'succeeded', method, amr: proof.amr }, proof),
      },
      manager,
    );
    return this.tokens.issue(manager, user, session);
  }
}
