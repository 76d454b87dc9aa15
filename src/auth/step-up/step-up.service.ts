import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../access/actor';
import { sessionEnded } from '../../access/policy-refusals';
import { StepUpPolicy } from '../../access/step-up';
import { AuditWriter } from '../../audit/audit-writer';
import { Conflict, InvalidInput } from '../../common/domain-errors';
import { SessionsRepository } from '../../users/sessions.repository';
import { AMR, type AuthenticationMethod } from '../authentication-methods';
import { MfaFactorsRepository } from '../mfa/mfa-factors.repository';
import { MfaService, type FactorCheck } from '../mfa/mfa.service';
import { PasskeysService } from '../mfa/passkeys.service';
import { METHOD_OF_AMR, signInDetails, type FirstFactorProof } from '../sign-in-audit';
import { AUTHENTICATION, type RequestOrigin } from '../sign-in-types';
import { TokenIssuer } from '../token-issuer';
import { TOTP_CODE, type StepUpDto, type StepUpResponse } from './step-up.dto';

/** A step-up's passkey challenge belongs to the session that asked for it, and is answered once. */
const passkeyChallengeKey = (sessionId: string) => `webauthn:step-up:${sessionId}`;

/**
 * Step-up by the second factor alone: a signed-in user whose sign-in is older than the step-up
 * window (or had no second factor) proves their authenticator code, a recovery code or a passkey,
 * and the same session counts as authenticated now, without the password. Everything a sign-in's
 * second step is, this is too (MfaService.proveSecondFactor): throttled on the same key, a wrong
 * factor counted towards the same lock, a used code refused, every outcome audited.
 */
@Injectable()
export class StepUpService {
  constructor(
    private readonly mfa: MfaService,
    private readonly passkeys: PasskeysService,
    private readonly factors: MfaFactorsRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: TokenIssuer,
    private readonly policy: StepUpPolicy,
    private readonly audit: AuditWriter,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  /** A challenge for one of the caller's passkeys, for this session's step-up only; five minutes, used once. */
  async passkeyOptions(actor: Actor): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const session = await this.openSession(actor);
    return this.passkeys.authenticationOptions(actor.userId, passkeyChallengeKey(session.id));
  }

  async stepUp(actor: Actor, dto: StepUpDto, origin: RequestOrigin): Promise<StepUpResponse> {
    if ((dto.code === undefined) === (dto.passkey === undefined)) {
      throw new InvalidInput([{ field: 'code', message: 'give either code (an authenticator or recovery code) or passkey, one of them' }]);
    }
    const session = await this.openSession(actor);
    if ((await this.factors.methodsOf(this.manager, actor.userId)).length === 0) {
      throw new Conflict('You have no second factor to step up with; sign in again', { code: 'step_up_without_factor' });
    }
    // The session's own sign-in, as the audit log of the attempt names it (provider, methods so far).
    const proof: FirstFactorProof = { amr: session.amr, authenticatedAt: session.authenticatedAt, ...(session.provider ? { provider: session.provider } : {}) };
    const [method, factor] = this.factorOf(dto, session.id, origin, proof);
    return this.mfa.proveSecondFactor(actor.userId, proof, method, origin, factor, async (manager, user) => {
      const steppedUp = await this.sessions.steppedUp(manager, session.id, user.id, method);
      if (!steppedUp) throw sessionEnded();
      const details = signInDetails(origin, { outcome: 'succeeded', method: METHOD_OF_AMR[method] ?? method, amr: steppedUp.amr }, proof);
      await this.audit.record(
        { userId: user.id, role: user.role, planId: user.planId, requestId: origin.requestId },
        { action: 'auth.step_up_succeeded', purpose: AUTHENTICATION, entityType: 'user', entityId: user.id, details },
        manager,
      );
      const token = await this.tokens.accessToken(user, steppedUp);
      const until = this.policy.until({ role: user.role, amr: steppedUp.amr, authTime: Math.floor(steppedUp.authenticatedAt.getTime() / 1000) });
      return { ...token, stepUpUntil: (until ?? steppedUp.authenticatedAt).toISOString() };
    });
  }

  private factorOf(dto: StepUpDto, sessionId: string, origin: RequestOrigin, proof: FirstFactorProof): [AuthenticationMethod, FactorCheck] {
    if (dto.passkey) return [AMR.passkey, this.passkeys.assertionFactor(passkeyChallengeKey(sessionId), dto.passkey as AuthenticationResponseJSON)];
    const code = dto.code ?? '';
    return TOTP_CODE.test(code) ? [AMR.totp, this.mfa.totpFactor(code)] : [AMR.recoveryCode, this.mfa.recoveryCodeFactor(code, origin, proof)];
  }

  private async openSession(actor: Actor) {
    const session = actor.sessionId ? await this.sessions.findOpenOf(this.manager, actor.sessionId, actor.userId) : undefined;
    if (!session) throw sessionEnded();
    return session;
  }
}
