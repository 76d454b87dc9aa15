import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { TooManyRequests } from '../common/domain-errors';
import { REDIS } from '../redis/redis.module';

/**
 * Password guessing is slowed down, never turned into a lock-out an outsider can trigger.
 *
 * Every attempt is counted before the password is checked, in one Redis script, so concurrent
 * guesses cannot slip past the count (20 sent at once from two API processes: 5 are checked).
 * Three counters, each with free attempts and then an exponential back-off (wait 1 s, 2 s, 4 s, ...
 * before the next attempt, up to a cap; counters fade 15 minutes after the last attempt):
 * - this account from this address: 5 free, back-off up to 15 minutes: the guesser is slowed;
 * - this address, any account: 30 free, up to 15 minutes: password spraying is slowed;
 * - this account, any address: 20 free, capped at one minute, and not applied to addresses the
 *   account has logged in from (kept 30 days): a distributed attack slows itself down, while the
 *   real user, at their usual address, is not held back, and elsewhere waits a minute at most.
 * A successful login clears its own account-and-address counter and gives back its attempt.
 */
interface Counter {
  free: number;
  baseMs: number;
  capMs: number;
}

const PAIR: Counter = { free: 5, baseMs: 1000, capMs: 15 * 60_000 };
const ADDRESS: Counter = { free: 30, baseMs: 1000, capMs: 15 * 60_000 };
const ACCOUNT: Counter = { free: 20, baseMs: 1000, capMs: 60_000 };
const FADE_MS = 15 * 60_000;
const KNOWN_ADDRESS_MS = 30 * 24 * 3600_000;

// KEYS: pair, address, account, known-addresses; ARGV: now, fade, address, then free/base/cap for each counter.
// Answers 0 when the attempt may go ahead (and is counted), else the milliseconds to wait. A wait
// is never longer than the back-off that set it: when the clock has been stepped back since
// (`until` then lies further ahead than the delay), the delay stands, not the distance to `until`.
const BEGIN = `
local now = tonumber(ARGV[1])
local fade = tonumber(ARGV[2])
local useAccount = redis.call('SISMEMBER', KEYS[4], ARGV[3]) == 0
local last = useAccount and 3 or 2
local wait = 0
for i = 1, last do
  local untilMs = tonumber(redis.call('HGET', KEYS[i], 'until') or '0')
  local delay = tonumber(redis.call('HGET', KEYS[i], 'delay') or ARGV[3 + i * 3])
  local left = math.min(untilMs - now, delay)
  if left > wait then wait = left end
end
if wait > 0 then return wait end
for i = 1, last do
  local n = redis.call('HINCRBY', KEYS[i], 'n', 1)
  local free = tonumber(ARGV[1 + i * 3])
  if n >= free then
    local delay = math.min(tonumber(ARGV[2 + i * 3]) * 2 ^ (n - free), tonumber(ARGV[3 + i * 3]))
    redis.call('HSET', KEYS[i], 'until', now + delay, 'delay', delay)
  end
  redis.call('PEXPIRE', KEYS[i], fade + tonumber(ARGV[3 + i * 3]))
end
return 0`;

// KEYS: pair, address, account, known-addresses; ARGV: address, known-address lifetime.
const SUCCEEDED = `
redis.call('DEL', KEYS[1])
for i = 2, 3 do
  if redis.call('HINCRBY', KEYS[i], 'n', -1) <= 0 then redis.call('DEL', KEYS[i]) end
end
redis.call('SADD', KEYS[4], ARGV[1])
redis.call('PEXPIRE', KEYS[4], tonumber(ARGV[2]))
return 0`;

type ThrottleRedis = Redis & {
  loginAttemptBegin(pair: string, address: string, account: string, known: string, ...args: (string | number)[]): Promise<number>;
  loginAttemptSucceeded(pair: string, address: string, account: string, known: string, ...args: (string | number)[]): Promise<number>;
};

@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly redis: ThrottleRedis;

  constructor(@Inject(REDIS) redis: Redis) {
    this.redis = redis as ThrottleRedis;
    if (!('loginAttemptBegin' in redis)) {
      redis.defineCommand('loginAttemptBegin', { numberOfKeys: 4, lua: BEGIN });
      redis.defineCommand('loginAttemptSucceeded', { numberOfKeys: 4, lua: SUCCEEDED });
    }
  }

  /** Counts an attempt to sign in as `account` from `address`, or refuses it with 429 and Retry-After. `now`: the clock's reading (tests step it). */
  async begin(account: string, address: string, now = Date.now()): Promise<void> {
    const { keys, addressId } = this.keys(account, address);
    const counters = [PAIR, ADDRESS, ACCOUNT].flatMap((c) => [c.free, c.baseMs, c.capMs]);
    const waitMs = await this.safely(() => this.redis.loginAttemptBegin(...keys, now, FADE_MS, addressId, ...counters));
    if (waitMs && waitMs > 0) {
      throw new TooManyRequests('Too many attempts to sign in; wait a little and try again', Math.ceil(waitMs / 1000));
    }
  }

  /** The attempt proved the password: its counters are eased and the address is remembered for the account. */
  async succeeded(account: string, address: string): Promise<void> {
    const { keys, addressId } = this.keys(account, address);
    await this.safely(() => this.redis.loginAttemptSucceeded(...keys, addressId, KNOWN_ADDRESS_MS));
  }

  private keys(account: string, address: string): { keys: [string, string, string, string]; addressId: string } {
    // Hashed so that Redis holds no e-mail or IP addresses.
    const a = createHash('sha256').update(account.toLowerCase()).digest('base64url').slice(0, 22);
    const ip = createHash('sha256').update(address).digest('base64url').slice(0, 22);
    return { keys: [`login:pair:${a}:${ip}`, `login:address:${ip}`, `login:account:${a}`, `login:known:${a}`], addressId: ip };
  }

  // Throttling is a second line of defence behind argon2; while Redis is unreachable sign-in
  // still works, and the outage is logged rather than locking every counsellor out.
  private async safely<T>(op: () => Promise<T>): Promise<T | undefined> {
    try {
      return await op();
    } catch (error) {
      this.logger.warn({ errorName: (error as Error)?.name }, 'login throttling unavailable (Redis)');
      return undefined;
    }
  }
}
