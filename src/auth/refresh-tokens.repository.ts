import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';

/** Refresh tokens: one family per session (src/users/sessions.repository.ts ends them with it). */
@Injectable()
export class RefreshTokensRepository {
  async insert(manager: EntityManager, values: Pick<RefreshToken, 'id' | 'userId' | 'familyId' | 'secretHash' | 'expiresAt'>): Promise<void> {
    await manager.getRepository(RefreshToken).insert(values);
  }

  findById(manager: EntityManager, id: string): Promise<RefreshToken | null> {
    return manager.getRepository(RefreshToken).findOneBy({ id });
  }

  /** Marks the token used if it still works; of two concurrent refreshes with it, one gets true. */
  async claim(manager: EntityManager, id: string): Promise<boolean> {
    const claimed = await manager
      .getRepository(RefreshToken)
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()', { id })
      .execute();
    return Boolean(claimed.affected);
  }
}
