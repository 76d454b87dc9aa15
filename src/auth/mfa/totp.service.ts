import { Inject, Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { MfaFactorsRepository } from './mfa-factors.repository';
import { TotpSecretCipher } from './totp-secret-cipher';

const ISSUER = 'Helhedsplan';
// One 30-second step either side: a phone clock a little off, or a code typed as it turned over.
const TOLERANCE_SECONDS = 30;

/**
 * Authenticator apps (RFC 6238: SHA-1, 6 digits, 30 seconds, as every app reads them). The secret
 * is encrypted at rest; a code's time step is accepted once and never again, nor any earlier one.
 */
@Injectable()
export class TotpService {
  private readonly cipher: TotpSecretCipher;

  constructor(
    private readonly factors: MfaFactorsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cipher = new TotpSecretCipher(config.mfaEncryptionKey);
  }

  /** A new secret for the user's app, unconfirmed until a code from it is given; undefined if one is already confirmed. */
  async start(manager: EntityManager, user: { id: string; email: string }): Promise<{ secret: string; otpauthUrl: string } | undefined> {
    const secret = generateSecret();
    if (!(await this.factors.saveUnconfirmedTotp(manager, user.id, this.cipher.encrypt(secret, user.id)))) return undefined;
    return { secret, otpauthUrl: generateURI({ issuer: ISSUER, label: user.email, secret }) };
  }

  /**
   * Whether `code` is the user's current code (from the confirmed app, or with `confirming` from the
   * one being enrolled, which it then confirms). A code is used up by the answer.
   */
  async check(manager: EntityManager, userId: string, code: string, confirming = false): Promise<boolean> {
    const stored = await this.factors.findTotp(manager, userId);
    if (!stored || (stored.confirmedAt === null) !== confirming) return false;
    const secret = this.cipher.decrypt(stored.secretCiphertext, userId);
    const result = await verify({
      secret,
      token: code,
      epochTolerance: TOLERANCE_SECONDS,
      ...(stored.lastTimeStep !== null ? { afterTimeStep: stored.lastTimeStep } : {}),
    });
    if (!result.valid || !('timeStep' in result)) return false;
    return this.factors.acceptTimeStep(manager, userId, result.timeStep);
  }
}
