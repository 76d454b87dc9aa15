import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../common/parse-id.pipe';
import { UnitOfWork } from '../database/unit-of-work';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';


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
    private readonly uow: UnitOfWork,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Files the job in the caller's transaction and nudges the relay once that commits: the relay
   * reads on its own connection, so a nudge before the commit would find nothing and the job would
   * wait for the next poll. The answer does not wait for Redis.
   */
  async enqueue(manager: EntityManager, queue: string, jobName: string, payload: object): Promise<string> {
    const id = await this.rows.insert(manager, queue, jobName, payload);
    this.uow.afterCommit(() => void this.relay.tick());
    return id;
  }

  /** Files one run of scheduled work; the unique `scheduleKey` makes a second filing of the same run a no-op. Whether it was filed now. */
  enqueueScheduled(scheduleKey: string, queue: string, jobName: string, payload: object): Promise<boolean> {
    return this.rows.insertScheduled(this.dataSource.manager, scheduleKey, queue, jobName, payload);
  }

  async markCompleted(jobId: string | undefined): Promise<void> {
    // An outbox row's id is its job id; ids BullMQ makes itself (legacy repeatable jobs) have no row.
    if (!isUuid(jobId)) return;
    await this.rows.markCompleted(this.dataSource.manager, jobId);
  }

  /** The job was given up on; `manager` when it belongs to the caller's transaction. */
  async markFailed(jobIds: string | (string | null | undefined)[] | undefined, reason: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const ids = ([] as (string | null | undefined)[]).concat(jobIds).filter((id): id is string => isUuid(id));
    if (!ids.length) return;
    await this.rows.markFailed(manager, ids, reason);
  }
}
