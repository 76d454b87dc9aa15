import type { CacheItem, CacheProvider } from '@node-saml/node-saml';
import type { Redis } from 'ioredis';
import { DependencyUnavailable } from '../../common/domain-errors';

/**
 * The AuthnRequest ids node-saml checks InResponseTo against, in Redis so that any API process
 * can take the IdP's answer to a request another one sent. One provider's ids are never
 * accepted at another's ACS. Keys expire with the sign-in (10 minutes, as the SSO state).
 */
export class RedisSamlRequestCache implements CacheProvider {
  constructor(
    private readonly redis: Redis,
    private readonly providerId: string,
    readonly ttlMs: number,
  ) {}

  private key(requestId: string): string {
    return `saml:request:${this.providerId}:${requestId}`;
  }

  async saveAsync(key: string, value: string): Promise<CacheItem | null> {
    const saved = await this.call(() => this.redis.set(this.key(key), value, 'PX', this.ttlMs, 'NX'));
    return saved === 'OK' ? { value, createdAt: Date.now() } : null;
  }

  async getAsync(key: string): Promise<string | null> {
    return this.call(() => this.redis.get(this.key(key)));
  }

  async removeAsync(key: string | null): Promise<string | null> {
    return key === null ? null : this.call(() => this.redis.getdel(this.key(key)));
  }

  /**
   * Marks the request as answered, atomically: true for the first caller only. node-saml reads
   * the id and deletes it in separate steps, so two copies of one response posted at the same
   * moment could both pass its check; this claim lets exactly one of them sign in.
   */
  async claimAnswer(requestId: string): Promise<boolean> {
    return (await this.call(() => this.redis.set(`saml:answered:${this.providerId}:${requestId}`, '1', 'PX', this.ttlMs, 'NX'))) === 'OK';
  }

  /** Remembers a LogoutRequest we sent, so that the IdP's LogoutResponse to it is taken, once. */
  async rememberLogoutRequest(id: string): Promise<void> {
    await this.call(() => this.redis.set(`saml:logout:${this.providerId}:${id}`, '1', 'PX', this.ttlMs, 'NX'));
  }

  /** Whether `id` is a LogoutRequest of ours not answered yet; it is answered from now on. */
  async takeLogoutRequest(id: string): Promise<boolean> {
    return (await this.call(() => this.redis.getdel(`saml:logout:${this.providerId}:${id}`))) !== null;
  }

  /**
   * Marks a message of the IdP (its ID) as received, for as long as it could be accepted: true for
   * the first time only, so a captured LogoutRequest cannot be played again.
   */
  async claimMessage(id: string, ttlMs: number): Promise<boolean> {
    return (await this.call(() => this.redis.set(`saml:seen:${this.providerId}:${id}`, '1', 'PX', ttlMs, 'NX'))) === 'OK';
  }

  /** Redis away is 503 (try again), never a refused sign-in or a 500. */
  private async call<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch {
      throw new DependencyUnavailable('Redis');
    }
  }
}
