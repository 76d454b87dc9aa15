import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * Kept answers at rest: AES-256-GCM, so a copy of the database (a backup, a dump handed to
 * support) holds no resident's name or note from the last 24 hours of answers. The key is derived
 * (HKDF) from MFA_ENCRYPTION_KEY, the service's key for data at rest, under a label of its own;
 * the user and the key are bound in as associated data, so a row copied to another user or key
 * does not decrypt. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
@Injectable()
export class KeptAnswerCipher {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'mfaEncryptionKey'>) {
    this.key = Buffer.from(hkdfSync('sha256', config.mfaEncryptionKey, 'helhedsplan', 'idempotency-kept-answers', 32));
  }

  encrypt(body: unknown, userId: string, key: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(associatedData(userId, key));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
    return ['v1', ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'))].join('.');
  }

  /** The body, or undefined when it cannot be read (another key since: the answer is then as good as not kept). */
  decrypt(stored: string, userId: string, key: string): { body: unknown } | undefined {
    const [version, iv, tag, ciphertext] = stored.split('.');
    if (version !== 'v1' || !iv || !tag || ciphertext === undefined) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(associatedData(userId, key));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const text = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      return { body: JSON.parse(text) as unknown };
    } catch {
      return undefined;
    }
  }
}

function associatedData(userId: string, key: string): Buffer {
  return Buffer.from(`${userId}\n${key}`);
}
