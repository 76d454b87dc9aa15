import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DependencyUnavailable, Unauthenticated } from '../common/domain-errors';
import { isUuid } from '../common/parse-id.pipe';
import { sessionEnded } from '../access/policy-refusals';
import { isDatabaseUnavailable } from '../database/availability';
import { SessionsRepository, type SessionUser } from '../users/sessions.repository';
import { JWT_AUDIENCE, JWT_ISSUER, type AccessClaims } from './access-claims';

/**
 * Checks an access token outside Nest's guards (the queue dashboard is a Fastify plugin): the
 * same signature, issuer, audience, expiry and open-session check as every API request.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsRepository,
  ) {}

  async verify(token: string): Promise<SessionUser> {
    return (await this.verifyWithClaims(token)).user;
  }

  /** The caller and what their token says of their sign-in (for step-up outside the guard). */
  async verifyWithClaims(token: string): Promise<{ user: SessionUser; claims: AccessClaims }> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE });
    } catch {
      throw new Unauthenticated('A valid access token is required', { code: 'unauthenticated' });
    }
    return { user: await this.userFor(claims), claims };
  }

  /** Refuses (401 token_invalid) a signed token without what every request needs: its expiry, its session and its user. */
  assertWellFormed(claims: AccessClaims): void {
    if (typeof claims.exp !== 'number' || !isUuid(claims.sid) || !isUuid(claims.sub)) {
      throw new Unauthenticated('The access token lacks its expiry or session', { code: 'token_invalid' });
    }
  }

  /**
   * The caller of verified claims. What they may do is read from the account and its session on
   * every request (one primary-key lookup), so a deactivated user, a changed role or an ended
   * session takes effect at once. A database that cannot be reached is a 503, not a 401: the
   * client keeps its session and retries. Used by the passport strategy too, so API routes and
   * the dashboard decide alike.
   */
  async userFor(claims: AccessClaims): Promise<SessionUser> {
    this.assertWellFormed(claims);
    let user: SessionUser | undefined;
    try {
      user = await this.sessions.activeUser(claims.sub, claims.sid);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw new DependencyUnavailable('The database');
      throw error;
    }
    if (!user) throw sessionEnded();
    return user;
  }
}
