import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../access/actor';
import { StepUpPolicy } from '../../access/step-up';
import { Unauthenticated } from '../../common/domain-errors';
import { AccessTokenVerifier } from '../access-token-verifier';
import { MfaChallenges, type MfaChallenge } from './mfa-challenges';

/**
 * Who is enrolling a second factor: a user half-way through a sign-in (an `enrol` challenge, given
 * only to a user who has none), or a signed-in user adding one (after a fresh sign-in: step-up).
 */
export type Enroller = { challenge: MfaChallenge } | { actor: Actor };

/**
 * Finds the enroller of an enrolment request (an authenticator app or a passkey). The routes are
 * public because at sign-in there is no access token yet; without an mfaToken the bearer token
 * must be of a recent sign-in, with the second factor where the role must use one, so that a
 * stolen session cannot quietly add its own factor.
 */
@Injectable()
export class Enrollers {
  constructor(
    private readonly challenges: MfaChallenges,
    private readonly verifier: AccessTokenVerifier,
    private readonly stepUp: StepUpPolicy,
  ) {}

  /** The mfaToken's challenge, or else the bearer's recent, stepped-up sign-in. */
  async fromRequest(mfaToken: string | undefined, request: FastifyRequest): Promise<Enroller> {
    if (mfaToken) return { challenge: await this.challenges.verify(mfaToken) };
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer) throw new Unauthenticated('Send the mfaToken from the sign-in, or a bearer token', { code: 'unauthenticated' });
    const { user, claims } = await this.verifier.verifyWithClaims(bearer);
    this.stepUp.assertSteppedUp({ role: user.role, amr: claims.amr, authTime: claims.auth_time });
    return { actor: { userId: user.id, role: user.role, planId: user.planId, organisationId: user.organisationId, requestId: String(request.id), sessionId: claims.sid } };
  }
}
