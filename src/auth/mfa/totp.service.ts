import { Inject, Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { MfaFactorsRepository } from './mfa-factors.repository';
import { TotpSecretCipher } from './totp-secret-cipher';
import { stepToFollow, TOLERANCE_SECONDS } from './totp-steps';

const ISSUER = 'Helhedsplan';

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
   * one being enrolled, which it then confirms): true, and the code is used up; false for a wrong
   * code; `'spent'` for a right one from a step accepted already (replayed, or the server's clock
   * went back), which is refused but is no guess. One clock reading serves the whole check.
   */
  async check(manager: EntityManager, userId: string, code: string, confirming = false, now = Date.now()): Promise<boolean | 'spent'> {
    const stored = await this.factors.findTotp(manager, userId);
    if (!stored || (stored.confirmedAt === null) !== confirming) return false;
    const secret = this.cipher.decrypt(stored.secretCiphertext, userId);
    const epoch = Math.floor(now / 1000);
    const afterTimeStep = stepToFollow(stored.lastTimeStep, epoch);
    const result = await verify({ secret, token: code, epoch, epochTolerance: TOLERANCE_SECONDS, ...(afterTimeStep !== undefined ? { afterTimeStep } : {}) });
    if (result.valid && 'timeStep' in result && (await this.factors.acceptTimeStep(manager, userId, result.timeStep))) return true;
    if (afterTimeStep === undefined) return false;
    const rightButUsed = await verify({ secret, token: code, epoch, epochTolerance: TOLERANCE_SECONDS });
    return rightButUsed.valid ? 'spent' : false;
  }
}
