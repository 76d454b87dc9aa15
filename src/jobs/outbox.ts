import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Work for the queue is first written here, in the same transaction as the request that causes
 * it (architecture.md "Nothing accepted is lost"). The relay moves it to BullMQ with the outbox
 * id as the job id, so a retried hand-over never creates a second job.
 */
@Injectable()
export class Outbox {
  async enqueue(manager: EntityManager, queue: string, jobName: string, payload: object): Promise<string> {
    const [row]: { id: string }[] = await manager.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3) RETURNING id`, [
      queue,
      jobName,
      JSON.stringify(payload),
    ]);
    return row.id;
  }
}
