import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role } from '../access/roles';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { OpenedSession } from '../users/sessions.repository';
import { JWT_AUDIENCE, JWT_ISSUER, type AccessClaims } from './access-claims';
import type { TokenPairResponse } from './dto/auth-response.dto';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Access and refresh tokens for an open session. The access token says how and when the session's
 * user authenticated (`amr`, `auth_time`), which refreshed tokens keep, so step-up can tell a
 * sign-in of a minute ago from one of this morning.
 */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokensRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(manager: EntityManager, user: { id: string; role: Role }, session: OpenedSession): Promise<TokenPairResponse> {
    const { accessToken } = await this.accessToken(user, session);
    const secret = randomBytes(32).toString('base64url');
    const id = randomUUID();
    await this.refreshTokens.insert(manager, {
      id,
      userId: user.id,
      familyId: session.id,
      secretHash: hashSecret(secret),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    });
    return { accessToken, refreshToken: `${id}.${secret}`, expiresIn: this.config.accessTokenTtlSeconds };
  }

  /** An access token alone, for a session whose refresh tokens stay as they are (a step-up). */
  async accessToken(user: { id: string; role: Role }, session: OpenedSession): Promise<{ accessToken: string; expiresIn: number }> {
    const claims: AccessClaims = {
      sub: user.id,
      sid: session.id,
      role: user.role,
      amr: session.amr,
      auth_time: Math.floor(session.authenticatedAt.getTime() / 1000),
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds, issuer: JWT_ISSUER, audience: JWT_AUDIENCE });
    return { accessToken, expiresIn: this.config.accessTokenTtlSeconds };
  }
}
