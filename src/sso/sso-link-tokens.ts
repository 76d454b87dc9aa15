import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { REDIS } from '../redis/redis.module';

const TTL_SECONDS = 600;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A signed-in user's intent to link their account to a provider identity (an existing password
 * account moving to single sign-on). The intent is made with a bearer token after step-up and
 * carried to the browser's sign-in as `?link=<token>`: 256 random bits, kept under their hash for
 * ten minutes, taken once. The e-mail is never what links an account.
 */
@Injectable()
export class SsoLinkTokens {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async issue(providerId: string, userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.key(token), JSON.stringify({ providerId, userId }), 'EX', TTL_SECONDS);
    return token;
  }

  /** The user who asked to link to this provider, once; undefined for an unknown, expired, used or other provider's token. */
  async take(providerId: string, token: string): Promise<string | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const stored = await this.redis.getdel(this.key(token));
    if (!stored) return undefined;
    const intent = JSON.parse(stored) as { providerId: string; userId: string };
    return intent.providerId === providerId ? intent.userId : undefined;
  }

  private key(token: string): string {
    return `sso:link:${createHash('sha256').update(token).digest('base64url')}`;
  }

}
