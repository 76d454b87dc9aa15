import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxRepository } from './outbox.repository';

/** An outbox row's id is its BullMQ job id; ids BullMQ makes itself (legacy repeatable jobs) have no row. */
const OUTBOX_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Work for the queue is first written here, in the same transaction as the request that causes
 * it (architecture.md "Nothing accepted is lost"). The relay moves it to BullMQ with the outbox
 * id as the job id, so a retried hand-over never creates a second job. A row stays open until its
 * job completed or was given up on, which the reconciler checks against BullMQ.
 */
@Injectable()
export class Outbox {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rows: OutboxRepository,
  ) {}

  enqueue(manager: EntityManager, queue: string, jobName: string, payload: object): Promise<string> {
    return this.rows.insert(manager, queue, jobName, payload);
  }

  /** Files one run of scheduled work; the unique `scheduleKey` makes a second filing of the same run a no-op. Whether it was filed now. */
  enqueueScheduled(scheduleKey: string, queue: string, jobName: string, payload: object): Promise<boolean> {
    return this.rows.insertScheduled(this.dataSource.manager, scheduleKey, queue, jobName, payload);
  }

  async markCompleted(jobId: string | undefined): Promise<void> {
    if (!jobId || !OUTBOX_ID.test(jobId)) return;
    await this.rows.markCompleted(this.dataSource.manager, jobId);
  }

  /** The job was given up on; `manager` when it belongs to the caller's transaction. */
  async markFailed(jobIds: string | (string | null | undefined)[] | undefined, reason: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const ids = ([] as (string | null | undefined)[]).concat(jobIds).filter((id): id is string => !!id && OUTBOX_ID.test(id));
    if (!ids.length) return;
    await this.rows.markFailed(manager, ids, reason);
  }
}
