import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A passkey as a sign-in checks it. */
export interface StoredPasskey {
  id: string;
  userId: string;
  /** base64url, as the browser names the credential. */
  credentialId: string;
  /** COSE_Key bytes. */
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
}

/** A passkey as its owner sees it in the list. */
export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface NewPasskey {
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  name: string;
}

const STORED = `id, user_id AS "userId", credential_id AS "credentialId", public_key AS "publicKey",
                counter::float8 AS counter, transports`;

/** Users' WebAuthn credentials (passkeys) and their signature counters. */
@Injectable()
export class PasskeysRepository {
  async listOf(manager: EntityManager, userId: string): Promise<StoredPasskey[]> {
    return manager.query(`SELECT ${STORED} FROM mfa_passkeys WHERE user_id = $1 ORDER BY created_at, id`, [userId]);
  }

  async summariesOf(manager: EntityManager, userId: string): Promise<PasskeySummary[]> {
    return manager.query(
      `SELECT id, name, created_at AS "createdAt", last_used_at AS "lastUsedAt" FROM mfa_passkeys WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
  }

  async findByCredentialId(manager: EntityManager, credentialId: string): Promise<StoredPasskey | undefined> {
    const [row]: StoredPasskey[] = await manager.query(`SELECT ${STORED} FROM mfa_passkeys WHERE credential_id = $1`, [credentialId]);
    return row;
  }

  /** Stores a new passkey; false if the credential is registered already (to this user or another). */
  async add(manager: EntityManager, userId: string, passkey: NewPasskey): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO mfa_passkeys (user_id, credential_id, public_key, counter, transports, name)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (credential_id) DO NOTHING RETURNING id`,
      [userId, passkey.credentialId, Buffer.from(passkey.publicKey), passkey.counter, passkey.transports, passkey.name],
    );
    return rows.length > 0;
  }

  /**
   * Records a use with the authenticator's new signature counter, checked and written in one
   * statement so two requests cannot both pass with the same value. A counter must go up unless
   * the authenticator keeps none (always 0); one that did not go up means a cloned authenticator
   * (WebAuthn §6.1.1), and the use is refused.
   */
  async recordUse(manager: EntityManager, id: string, counter: number): Promise<boolean> {
    // An UPDATE or DELETE answers [rows, count] through TypeORM, unlike a SELECT or INSERT.
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE mfa_passkeys SET counter = $2, last_used_at = now()
        WHERE id = $1 AND (counter < $2 OR (counter = 0 AND $2 = 0)) RETURNING id`,
      [id, counter],
    );
    return rows.length > 0;
  }

  /** Removes one of a user's passkeys; false if the user has no such passkey. */
  async remove(manager: EntityManager, userId: string, id: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(`DELETE FROM mfa_passkeys WHERE id = $1 AND user_id = $2 RETURNING id`, [id, userId]);
    return rows.length > 0;
  }
}
