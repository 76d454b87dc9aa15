import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The readiness probe's one statement: whether PostgreSQL answers at all. */
@Injectable()
export class HealthRepository {
  async ping(manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1');
  }
}
