import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ExternalIdentity {
  id: string;
  userId: string;
}

/** The external_identities table: a provider's (issuer, subject) linked to one user. */
@Injectable()
export class ExternalIdentitiesRepository {
  async findByIssuerSubject(manager: EntityManager, issuer: string, subject: string): Promise<ExternalIdentity | undefined> {
    const [row]: ExternalIdentity[] = await manager.query(`SELECT id, user_id AS "userId" FROM external_identities WHERE issuer = $1 AND subject = $2`, [issuer, subject]);
    return row;
  }

  async link(manager: EntityManager, values: { userId: string; providerId: string; issuer: string; subject: string }): Promise<ExternalIdentity> {
    const [row]: ExternalIdentity[] = await manager.query(
      `INSERT INTO external_identities (user_id, provider_id, issuer, subject, last_sign_in_at) VALUES ($1, $2, $3, $4, now()) RETURNING id, user_id AS "userId"`,
      [values.userId, values.providerId, values.issuer, values.subject],
    );
    return row;
  }

  async signedIn(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE external_identities SET last_sign_in_at = now() WHERE id = $1`, [id]);
  }
}
