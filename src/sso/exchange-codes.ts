import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { SignInResponse } from '../auth/dto/auth-response.dto';
import { Unauthenticated } from '../common/domain-errors';
import { REDIS } from '../redis/redis.module';
import { SSO_PROBLEMS } from './sso-problems';

/** Long enough for the browser to load the returnUrl and post the code, no longer. */
export const EXCHANGE_CODE_TTL_SECONDS = 60;
const CODE = /^[A-Za-z0-9_-]{43}$/;

/**
 * One-time codes that carry a single sign-on's outcome (tokens, or the second step still needed)
 * from the browser redirect to POST /auth/exchange, so that tokens never travel in a URL. 256
 * random bits, kept in Redis under their hash for 60 seconds, and taken once (GETDEL).
 */
@Injectable()
export class ExchangeCodes {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async issue(outcome: SignInResponse): Promise<string> {
    const code = randomBytes(32).toString('base64url');
    await this.redis.set(this.key(code), JSON.stringify(outcome), 'EX', EXCHANGE_CODE_TTL_SECONDS);
    return code;
  }

  async redeem(code: string): Promise<SignInResponse> {
    const stored = CODE.test(code) ? await this.redis.getdel(this.key(code)) : null;
    if (!stored) throw new Unauthenticated(SSO_PROBLEMS.exchange_code_invalid, { code: 'exchange_code_invalid' });
    return JSON.parse(stored) as SignInResponse;
  }

  private key(code: string): string {
    return `sso:exchange:${createHash('sha256').update(code).digest('base64url')}`;
  }

}
