import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { TooManyRequests } from '../common/domain-errors';
import { REDIS } from '../redis/redis.module';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 30;

/**
 * Counts failed logins per account and per client address in Redis (shared by every API
 * process). Past the limit, logins are refused with 429 until the window has passed.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async assertMayTry(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    const counts = await this.safely(() => this.redis.mget(keys.account, keys.address));
    if (!counts) return;
    const [account, perAddress] = counts.map((c) => Number(c ?? 0));
    if (account >= MAX_FAILURES_PER_ACCOUNT || perAddress >= MAX_FAILURES_PER_ADDRESS) {
      const ttl = await this.safely(() => this.redis.ttl(account >= MAX_FAILURES_PER_ACCOUNT ? keys.account : keys.address));
      throw new TooManyRequests('Too many failed logins; try again later', Math.max(1, ttl ?? WINDOW_SECONDS));
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    await this.safely(() =>
      this.redis.multi().incr(keys.account).expire(keys.account, WINDOW_SECONDS, 'NX').incr(keys.address).expire(keys.address, WINDOW_SECONDS, 'NX').exec(),
    );
  }

  async recordSuccess(email: string): Promise<void> {
    await this.safely(() => this.redis.del(this.keys(email, '').account));
  }

  private keys(email: string, address: string) {
    return { account: `login-failures:account:${email.toLowerCase()}`, address: `login-failures:address:${address}` };
  }

  // Throttling is a second line of defence behind argon2; while Redis is unreachable logins
  // still work, and the outage is logged rather than locking every counsellor out.
  private async safely<T>(op: () => Promise<T>): Promise<T | undefined> {
    try {
      return await op();
    } catch (error) {
      this.logger.warn({ err: error }, 'login throttling unavailable (Redis)');
      return undefined;
    }
  }
}
