import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { User } from '../plans/entities/user.entity';
import { PlansService } from '../plans/plans.service';
import { LoginThrottle } from './login-throttle';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { RefreshToken } from './refresh-token.entity';

export interface AccessClaims {
  sub: string;
  role: User['role'];
  planId: string | null;
  organisationId: string | null;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Refresh tokens look like `<token id>.<secret>`; only a hash of the secret is stored. */
function parseRefreshToken(token: string): { id: string; secret: string } | undefined {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1], secret: match[2] } : undefined;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly plans: PlansService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, address: string): Promise<TokenPair> {
    await this.throttle.assertMayTry(email, address);
    const user = await this.plans.findActiveUserWithPassword(email);
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!user || !valid) {
      await this.throttle.recordFailure(email, address);
      throw new UnauthorizedException('Wrong e-mail or password');
    }
    await this.throttle.recordSuccess(email);
    return this.issue(user, randomUUID());
  }

  /**
   * Rotates a refresh token. Each token works once; presenting a used or revoked one is taken
   * as theft and revokes the whole family, so the thief's and the victim's sessions both end.
   */
  async refresh(token: string): Promise<TokenPair> {
    const parsed = parseRefreshToken(token);
    if (!parsed) throw new UnauthorizedException('Invalid refresh token');
    const repo = this.dataSource.getRepository(RefreshToken);
    const stored = await repo.findOneBy({ id: parsed.id });
    if (!stored || !this.secretMatches(stored.secretHash, parsed.secret)) throw new UnauthorizedException('Invalid refresh token');

    // Claim the token atomically: of two concurrent refreshes with the same token, one wins.
    const claimed = await repo
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()', { id: stored.id })
      .execute();
    if (!claimed.affected) {
      if (stored.usedAt || stored.revokedAt) await this.revokeFamily(stored.familyId);
      throw new UnauthorizedException('Refresh token is no longer valid; log in again');
    }
    const user = await this.plans.findActiveUser(stored.userId);
    if (!user) {
      await this.revokeFamily(stored.familyId);
      throw new UnauthorizedException('The account is no longer active');
    }
    return this.issue(user, stored.familyId);
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored, so logout never tells an attacker anything. */
  async logout(token: string): Promise<void> {
    const parsed = parseRefreshToken(token);
    if (!parsed) return;
    const stored = await this.dataSource.getRepository(RefreshToken).findOneBy({ id: parsed.id });
    if (stored && this.secretMatches(stored.secretHash, parsed.secret)) await this.revokeFamily(stored.familyId);
  }

  async me(userId: string) {
    const user = await this.plans.findActiveUser(userId);
    if (!user) throw new UnauthorizedException('The account is no longer active');
    return { id: user.id, email: user.email, name: user.name, role: user.role, planId: user.planId, organisationId: user.organisationId };
  }

  private async issue(user: User, familyId: string): Promise<TokenPair> {
    const claims: AccessClaims = { sub: user.id, role: user.role, planId: user.planId, organisationId: user.organisationId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    const secret = randomBytes(32).toString('base64url');
    const id = randomUUID();
    await this.dataSource.getRepository(RefreshToken).insert({
      id,
      userId: user.id,
      familyId,
      secretHash: hashSecret(secret),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    });
    return { accessToken, refreshToken: `${id}.${secret}`, expiresIn: this.config.accessTokenTtlSeconds };
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  private secretMatches(storedHash: string, secret: string): boolean {
    return timingSafeEqual(Buffer.from(storedHash, 'hex'), Buffer.from(hashSecret(secret), 'hex'));
  }
}
