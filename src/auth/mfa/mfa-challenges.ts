import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Unauthenticated } from '../../common/domain-errors';
import { REDIS } from '../../redis/redis.module';
import type { NsisLevelName } from '../../audit/sign-in-details';
import { JWT_ISSUER } from '../access-claims';
import type { FirstFactorMethod, FirstFactorProof } from '../sign-in-audit';

/** A token for the second step of a sign-in only: never accepted as an access token (another audience). */
const MFA_AUDIENCE = 'helhedsplan-mfa';
const MFA_TOKEN_TTL_SECONDS = 300;

/**
 * A sign-in half done: the first factor is proved, the second is still to come (`verify`), or the
 * user must first enrol one (`enrol`). An enrol challenge is given only to a user who has no
 * second factor, so it can never be used to add a factor past an existing one.
 */
export interface MfaChallenge extends FirstFactorProof {
  userId: string;
  stage: 'verify' | 'enrol';
  /** The token's own id: a challenge completes a sign-in once. */
  id: string;
  /**
   * For an `enrol` challenge: how many resets of the user's second factor there had been when it
   * was given. A reset since voids it: it was given for the password the reset took away.
   */
  resets?: number;
}

interface MfaClaims {
  sub: string;
  stage: 'verify' | 'enrol';
  amr: string[];
  at: number;
  prov?: string;
  sxp?: number;
  /** The provider's subject and session (SignInProof.sso), carried to the session the second factor opens. */
  ssub?: string;
  ssid?: string;
  /** For the audit log of the sign-in's second step: the first factor's method, NSIS level and the IdP's message id. */
  mth?: FirstFactorMethod;
  nsis?: NsisLevelName;
  idp?: string;
  /** MfaChallenge.resets. */
  rst?: number;
  jti: string;
}

@Injectable()
export class MfaChallenges {
  constructor(
    private readonly jwt: JwtService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  sign(userId: string, stage: MfaChallenge['stage'], proof: FirstFactorProof, resets?: number): Promise<string> {
    const claims: MfaClaims = {
      sub: userId,
      stage,
      amr: proof.amr,
      at: proof.authenticatedAt.getTime(),
      ...(proof.provider ? { prov: proof.provider } : {}),
      ...(proof.expiresAt ? { sxp: proof.expiresAt.getTime() } : {}),
      ...(proof.sso ? { ssub: proof.sso.subject, ...(proof.sso.sessionId ? { ssid: proof.sso.sessionId } : {}) } : {}),
      ...(proof.method ? { mth: proof.method } : {}),
      ...(proof.nsisLevel ? { nsis: proof.nsisLevel } : {}),
      ...(proof.idpMessageId ? { idp: proof.idpMessageId } : {}),
      ...(resets !== undefined ? { rst: resets } : {}),
      jti: randomUUID(),
    };
    return this.jwt.signAsync(claims, { expiresIn: MFA_TOKEN_TTL_SECONDS, issuer: JWT_ISSUER, audience: MFA_AUDIENCE });
  }

  /** The challenge an mfaToken stands for, if it is genuine, unexpired and not yet completed. */
  async verify(token: string, stage?: MfaChallenge['stage']): Promise<MfaChallenge> {
    let claims: MfaClaims;
    try {
      claims = await this.jwt.verifyAsync<MfaClaims>(token, { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: MFA_AUDIENCE });
    } catch {
      throw invalidMfaToken();
    }
    if (stage && claims.stage !== stage) throw invalidMfaToken();
    if (await this.redis.exists(this.usedKey(claims.jti))) throw invalidMfaToken();
    return {
      id: claims.jti,
      userId: claims.sub,
      stage: claims.stage,
      amr: claims.amr,
      authenticatedAt: new Date(claims.at),
      provider: claims.prov,
      expiresAt: claims.sxp ? new Date(claims.sxp) : undefined,
      sso: claims.ssub ? { subject: claims.ssub, ...(claims.ssid ? { sessionId: claims.ssid } : {}) } : undefined,
      method: claims.mth,
      nsisLevel: claims.nsis,
      idpMessageId: claims.idp,
      resets: claims.rst,
    };
  }

  /** Marks a challenge completed; false if another request completed it first. */
  async complete(challenge: MfaChallenge): Promise<boolean> {
    const set = await this.redis.set(this.usedKey(challenge.id), '1', 'EX', MFA_TOKEN_TTL_SECONDS + 60, 'NX');
    return set === 'OK';
  }

  private usedKey(id: string): string {
    return `mfa:challenge-used:${id}`;
  }
}

export function invalidMfaToken(): Unauthenticated {
  return new Unauthenticated('The sign-in has expired or was completed already; sign in again', { code: 'mfa_token_invalid' });
}
