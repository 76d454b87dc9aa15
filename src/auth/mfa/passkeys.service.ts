import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  type WebAuthnCredential,
} from '@simplewebauthn/server';
import { COSEALG } from '@simplewebauthn/server/helpers';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../access/actor';
import { AuditWriter } from '../../audit/audit-writer';
import { Conflict, NotFound, Unauthenticated } from '../../common/domain-errors';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UnitOfWork } from '../../database/unit-of-work';
import { REDIS } from '../../redis/redis.module';
import { AMR } from '../authentication-methods';
import type { MfaEnrolmentResponse, TokenPairResponse } from '../dto/auth-response.dto';
import type { PasskeyPage } from '../dto/passkey-response.dto';
import { AUTHENTICATION, type RequestOrigin } from '../sign-in.service';
import type { Enroller } from './enroller';
import { MfaChallenges } from './mfa-challenges';
import { MfaService, type FactorCheck } from './mfa.service';
import { PasskeysRepository, type StoredPasskey } from './passkeys.repository';

const RP_NAME = 'Helhedsplan';
const CHALLENGE_TTL_SECONDS = 300;
const DEFAULT_NAME = 'Passkey';
// The algorithms every current authenticator offers. Not the library's default, which adds
// ML-DSA when the running Node supports it: a key of that kind would stop working on a runtime
// that does not, and its owner could no longer sign in.
const ALGORITHMS = [COSEALG.ES256, COSEALG.EdDSA, COSEALG.RS256];

const registrationKey = (userId: string) => `webauthn:registration:${userId}`;
const signInKey = (challengeId: string) => `webauthn:sign-in:${challengeId}`;

/** The WebAuthn user handle: the user's id as its 16 bytes; no e-mail or name on the authenticator beyond what it shows. */
const userHandle = (userId: string) => new Uint8Array(Buffer.from(userId.replace(/-/g, ''), 'hex'));
const descriptor = (passkey: StoredPasskey) => ({ id: passkey.credentialId, transports: passkey.transports });

export function passkeyInvalid(): Unauthenticated {
  return new Unauthenticated('The passkey\'s answer could not be verified; try again with a new challenge', { code: 'passkey_invalid' });
}

/**
 * Passkeys (WebAuthn) as a second factor: registering one (at sign-in, or signed in after a
 * step-up) and signing in with one. Each challenge is kept in Redis for five minutes and used
 * once, whatever the outcome; a sign-in challenge belongs to the sign-in (the mfaToken) that asked
 * for it. Enrolment, throttling and the audit trail are MfaService's, shared with TOTP.
 */
@Injectable()
export class PasskeysService {
  private readonly logger = new Logger(PasskeysService.name);

  constructor(
    private readonly mfa: MfaService,
    private readonly challenges: MfaChallenges,
    private readonly passkeys: PasskeysRepository,
    private readonly audit: AuditWriter,
    private readonly uow: UnitOfWork,
    @InjectEntityManager() private readonly manager: EntityManager,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async registrationOptions(enroller: Enroller, origin: RequestOrigin): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const user = await this.mfa.enrollingUser(enroller, 'passkey', origin);
    const existing = await this.passkeys.listOf(this.manager, user.id);
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: this.config.webauthnRpId,
      userID: userHandle(user.id),
      userName: user.email,
      userDisplayName: user.name,
      attestationType: 'none',
      excludeCredentials: existing.map(descriptor),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      supportedAlgorithmIDs: ALGORITHMS,
    });
    await this.redis.set(registrationKey(user.id), options.challenge, 'EX', CHALLENGE_TTL_SECONDS);
    return options;
  }

  /** Registers the passkey that answered the registration challenge (see MfaService.enrol). */
  async register(enroller: Enroller, response: RegistrationResponseJSON, name: string | undefined, origin: RequestOrigin): Promise<MfaEnrolmentResponse> {
    return this.mfa.enrol(enroller, 'passkey', origin, {
      check: async (manager, user) => {
        const expectedChallenge = await this.redis.getdel(registrationKey(user.id));
        if (!expectedChallenge) return false;
        const credential = await this.verifiedRegistration(response, expectedChallenge);
        if (!credential) return false;
        const added = await this.passkeys.add(manager, user.id, {
          credentialId: credential.id,
          publicKey: credential.publicKey,
          counter: credential.counter,
          transports: credential.transports ?? [],
          name: name?.trim() || DEFAULT_NAME,
        });
        if (!added) throw new Conflict('This passkey is registered already', { code: 'passkey_already_registered' });
        return true;
      },
      refusal: passkeyInvalid,
    });
  }

  /** The challenge for the second step of a sign-in, naming the user's passkeys. */
  async signInOptions(mfaToken: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const challenge = await this.challenges.verify(mfaToken, 'verify');
    return this.authenticationOptions(challenge.userId, signInKey(challenge.id));
  }

  /**
   * A challenge for one of the user's passkeys (403 `mfa_locked`, 409 `mfa_not_enrolled` when they
   * have none), kept under `key` for five minutes: whoever asked for it answers it, once.
   */
  async authenticationOptions(userId: string, key: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
    await this.mfa.assertNotLocked(userId);
    const passkeys = await this.passkeys.listOf(this.manager, userId);
    if (passkeys.length === 0) throw new Conflict('You have no passkey; use another of your second factors', { code: 'mfa_not_enrolled' });
    const options = await generateAuthenticationOptions({ rpID: this.config.webauthnRpId, allowCredentials: passkeys.map(descriptor), userVerification: 'preferred' });
    await this.redis.set(key, options.challenge, 'EX', CHALLENGE_TTL_SECONDS);
    return options;
  }

  /** The second step of a sign-in with a passkey of the challenge's user. */
  async signIn(mfaToken: string, response: AuthenticationResponseJSON, origin: RequestOrigin): Promise<TokenPairResponse> {
    const challenge = await this.challenges.verify(mfaToken, 'verify');
    return this.mfa.signInWithSecondFactor(challenge, AMR.passkey, origin, this.assertionFactor(signInKey(challenge.id), response));
  }

  /** A passkey's answer to the challenge kept under `key` (which it uses up, whatever the outcome), by one of the user's own passkeys. */
  assertionFactor(key: string, response: AuthenticationResponseJSON): FactorCheck {
    return {
      check: async (manager, user) => {
        const expectedChallenge = await this.redis.getdel(key);
        const passkey = await this.passkeys.findByCredentialId(manager, response.id);
        // Someone else's passkey proves nothing about this user, however well it signs.
        if (!expectedChallenge || !passkey || passkey.userId !== user.id) return false;
        const counter = await this.verifiedAssertion(response, expectedChallenge, passkey);
        return counter !== undefined && this.passkeys.recordUse(manager, passkey.id, counter);
      },
      refusal: passkeyInvalid,
    };
  }

  async list(actor: Actor): Promise<PasskeyPage> {
    return { items: await this.passkeys.summariesOf(this.manager, actor.userId), nextCursor: null };
  }

  /**
   * Removes one of the caller's passkeys; not the last second factor of a role that must use one
   * (409 `last_second_factor`, MfaService.removeOwnFactor): its next sign-in would enrol anew.
   */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.mfa.removeOwnFactor(actor, async (manager) => {
      if (!(await this.passkeys.remove(manager, actor.userId, id))) throw new NotFound('Passkey');
      await this.audit.record(actor, { action: 'user.passkey_removed', purpose: AUTHENTICATION, entityType: 'passkey', entityId: id }, manager);
    });
  }

  private async verifiedRegistration(response: RegistrationResponseJSON, expectedChallenge: string): Promise<WebAuthnCredential | undefined> {
    try {
      const result = await verifyRegistrationResponse({
        response,
        expectedChallenge,
        expectedOrigin: this.config.webauthnOrigin,
        expectedRPID: this.config.webauthnRpId,
        // 'preferred' in the options: a key without a PIN or biometric still counts as something one has.
        requireUserVerification: false,
        supportedAlgorithmIDs: ALGORITHMS,
      });
      return result.verified ? result.registrationInfo.credential : undefined;
    } catch (error) {
      this.notVerified(error);
      return undefined;
    }
  }

  /** The authenticator's new signature counter, if the answer is a valid signature over our challenge. */
  private async verifiedAssertion(response: AuthenticationResponseJSON, expectedChallenge: string, passkey: StoredPasskey): Promise<number | undefined> {
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: this.config.webauthnOrigin,
        expectedRPID: this.config.webauthnRpId,
        credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports },
        requireUserVerification: false,
      });
      return result.verified ? result.authenticationInfo.newCounter : undefined;
    } catch (error) {
      this.notVerified(error);
      return undefined;
    }
  }

  // A forged or malformed answer is the client's problem (401), never a 500. The reason is logged
  // for the operator (a wrong WEBAUTHN_ORIGIN shows here first); it holds no personal data.
  private notVerified(error: unknown): void {
    this.logger.debug({ reason: error instanceof Error ? error.message.slice(0, 200) : typeof error }, 'passkey answer not verified');
  }
}
