import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ROLES } from '../access/roles';
import { allowedRolesIfSessionCheckedByWrite, uncheckedCaller } from '../access/session-checked-write';
import { Unauthenticated } from '../common/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JWT_AUDIENCE, JWT_ISSUER, type AccessClaims } from './access-claims';
import { AccessTokenVerifier } from './access-token-verifier';
import { jwtKey } from './jwt-key';

/** Passport checks the signature, issuer, audience and expiry; who the caller is now is the verifier's one decision. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly verifier: AccessTokenVerifier,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // The key object, not the secret string (jwt-key.ts). passport-jwt hands it to jsonwebtoken,
      // which takes a KeyObject; passport-jwt's types predate that.
      secretOrKeyProvider: (_request, _token, done) => done(null, jwtKey(config) as unknown as Buffer),
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  async validate(request: object, claims: AccessClaims) {
    const amr = Array.isArray(claims.amr) ? claims.amr : [];
    const authTime = typeof claims.auth_time === 'number' ? claims.auth_time : undefined;
    // A write that checks the session in its own statement (src/access/session-checked-write.ts).
    const allowedRoles = allowedRolesIfSessionCheckedByWrite(request);
    if (allowedRoles) {
      this.verifier.assertWellFormed(claims);
      if (!ROLES.includes(claims.role)) throw new Unauthenticated('The access token names no role', { code: 'token_invalid' });
      return uncheckedCaller({ userId: claims.sub, sessionId: claims.sid, role: claims.role, amr, authTime }, allowedRoles);
    }
    const user = await this.verifier.userFor(claims);
    return { userId: user.id, role: user.role, planId: user.planId, organisationId: user.organisationId, sessionId: claims.sid, amr, authTime };
  }
}
