import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { invalidState } from './sso-errors';

/** A sign-in between its start (GET /auth/sso/:provider/login) and the provider's answer. */
export interface SsoState {
  /** Random; travels to the provider and back as OIDC `state` or SAML `RelayState`. */
  id: string;
  providerId: string;
  /** OIDC: the ID token's expected `nonce`, and the PKCE verifier for the token request. */
  nonce?: string;
  codeVerifier?: string;
  /** SAML: the AuthnRequest's ID, which the Response's InResponseTo must name. */
  requestId?: string;
  /** The invitation link's token the sign-in started with (`?invitation=`): the identity is linked to the invitee. */
  invitationToken?: string;
  /**
   * Step-up: the provider is asked to authenticate the person afresh, not to reuse its own session,
   * so the sign-in's time (which step-up reads) is the time the person really proved who they are.
   */
  reauthenticate?: boolean;
  /** The signed-in user who asked to link their account to this provider's identity (sso-link-tokens.ts). */
  linkUserId?: string;
}

interface StoredState extends SsoState {
  /** SHA-256 of the browser-binding cookie's value (sso-cookies.ts). */
  browserBinding: string;
}

/** Long enough to sign in at the provider, short enough that a stolen state is soon worthless. */
export const SSO_STATE_TTL_SECONDS = 600;
const ID = /^[A-Za-z0-9_-]{43}$/;

const random = () => randomBytes(32).toString('base64url');
const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** Sign-in states in Redis: ten minutes, single use (GETDEL), bound to the browser that started them. */
@Injectable()
export class SsoStates {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** A new state for a provider; the protocol adds what its answer is checked against, then it is saved. */
  draft(providerId: string, invitationToken?: string, reauthenticate = false): SsoState {
    return { id: random(), providerId, ...(invitationToken ? { invitationToken } : {}), ...(reauthenticate ? { reauthenticate } : {}) };
  }

  /** Saves the state; the answer is the value for the browser-binding cookie (only its hash is kept). */
  async save(state: SsoState): Promise<string> {
    const binding = random();
    const stored: StoredState = { ...state, browserBinding: sha256(binding).toString('hex') };
    await this.redis.set(this.key(state.id), JSON.stringify(stored), 'EX', SSO_STATE_TTL_SECONDS);
    return binding;
  }

  /**
   * Takes the state an answer names, once: unknown, expired, used, another provider's, or without
   * the browser-binding cookie it was started with, it is refused (401 sso_state_invalid).
   */
  async take(providerId: string, id: string | undefined, binding: string | undefined): Promise<SsoState> {
    if (!id || !ID.test(id)) throw invalidState();
    const raw = await this.redis.getdel(this.key(id));
    if (!raw) throw invalidState();
    const { browserBinding, ...state } = JSON.parse(raw) as StoredState;
    const expected = Buffer.from(browserBinding, 'hex');
    if (state.providerId !== providerId || !binding || !timingSafeEqual(sha256(binding), expected)) throw invalidState();
    return state;
  }

  private key(id: string): string {
    return `sso:state:${createHash('sha256').update(id).digest('base64url')}`;
  }

}
