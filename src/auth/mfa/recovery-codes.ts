import { createHash, randomBytes } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32 without look-alikes, read aloud or typed from paper without mistakes.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Ten codes of 16 characters (80 random bits each), shown once, as `xxxx-xxxx-xxxx-xxxx`. With
 * that much randomness a plain SHA-256 is enough to store them: there is nothing to guess offline.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(16);
    const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** The same code however it is typed: case, spaces and dashes do not matter; i/l read as 1, o as 0. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}
