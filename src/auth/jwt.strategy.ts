import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DependencyUnavailable, Unauthenticated } from '../common/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isDatabaseUnavailable } from '../database/availability';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { SessionsRepository } from '../users/sessions.repository';
import { JWT_AUDIENCE, JWT_ISSUER, type AccessClaims } from './access-claims';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionsRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  /**
   * The token proves who is calling; what they may do is read from the account and its session
   * on every request (one primary-key lookup), so a deactivated user, a changed role or an ended
   * session takes effect at once. A database that cannot be reached is a 503, not a 401: the
   * client keeps its session and retries.
   */
  async validate(claims: AccessClaims) {
    if (typeof claims.exp !== 'number' || typeof claims.sid !== 'string' || !UUID.test(claims.sid) || typeof claims.sub !== 'string' || !UUID.test(claims.sub)) {
      throw new Unauthenticated('The access token lacks its expiry or session', { code: 'token_invalid' });
    }
    let user;
    try {
      user = await this.sessions.activeUser(this.manager, claims.sub, claims.sid);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw new DependencyUnavailable('The database');
      throw error;
    }
    if (!user) throw new Unauthenticated('The session has ended or the account is no longer active; sign in again', { code: 'session_ended' });
    return { userId: user.id, role: user.role, planId: user.planId, organisationId: user.organisationId, sessionId: claims.sid };
  }
}
