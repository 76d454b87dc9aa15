import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { tryTransactionLock } from '../database/advisory-locks';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { readableFailure } from './job-failures';
import { JobQueues, withTimeout } from './job-queues';
import { Outbox } from './outbox';
import { OutboxRepository, type InFlightRow } from './outbox.repository';
import { OutboxRelay } from './outbox-relay';
import { QueueWorkers } from './queue-workers';
import { Schedules } from './schedules';

/** One sweep at a time across all processes (the migration lock is 7413001). */
const RECONCILER_LOCK = 7413002;
const BATCH = 200;
const REDIS_TIMEOUT_MS = 3000;

/** A step that runs on every sweep, under the sweep's lock: filing what is due, failing what is overdue. */
export type SweepStep = (now: Date) => Promise<unknown>;

/**
 * Makes sure every accepted piece of work ends (architecture.md "Nothing accepted is lost"), from
 * what PostgreSQL says was accepted, checked against what BullMQ still holds. It runs on a plain
 * timer in processes that run workers, not as a BullMQ repeatable job, because it must also work
 * when Redis lost everything; a PostgreSQL advisory lock lets one process sweep at a time.
 *
 * Each sweep: files scheduled work that is due (Schedules and the registered steps, which also
 * fail reports past their deadline); then, for every dispatched outbox row whose job has not
 * ended, it asks BullMQ:
 *  - completed: the row is marked completed (the worker could not write it);
 *  - gone (Redis lost it, or it was removed): the row is handed to the relay again, same job id;
 *  - failed: the worker records every failure it can, so a failed job with an open row means its
 *    failure could not be written: PostgreSQL was unreachable, or the process died, i.e. the
 *    infrastructure failed, not the work. Such a job gets one more round of attempts, now that the
 *    reconciler (which needs PostgreSQL) runs again; a leader then gets the report instead of
 *    "request it again". Only one: if it fails again it is given up on with its reason, so a job
 *    that keeps failing (or keeps killing its worker) cannot loop;
 *  - waiting, delayed or active: BullMQ has it; a dead worker's active job is taken over by
 *    BullMQ's stalled-job check (redis-connection.ts), and the report deadline bounds the rest.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Reconciler.name);
  private readonly steps: { name: string; run: SweepStep }[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  /** Where the last sweep stopped in a long list of in-flight rows, so every row is checked in turn. */
  private cursor?: { createdAt: Date; id: string };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: JobQueues,
    private readonly outbox: Outbox,
    private readonly rows: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly workers: QueueWorkers,
    private readonly schedules: Schedules,
  ) {}

  /** Registered by worker-side modules at start. */
  everySweep(name: string, run: SweepStep): void {
    if (!this.steps.some((s) => s.name === name)) this.steps.push({ name, run });
  }

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return;
    // The first sweep at start, not an interval later: a worker coming back is often what ends an
    // outage, and work Redis lost meanwhile should move as soon as it can, not minutes after.
    void this.sweep();
    this.timer = setInterval(() => {
      if (!this.running) void this.sweep();
    }, this.config.reconcileIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One sweep (after the one in progress here, if any), unless another process is sweeping; `now` is the moment schedules are judged at. */
  async sweep(now = new Date()): Promise<void> {
    while (this.running) await this.running;
    this.running = this.sweepLocked(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepLocked(now: Date): Promise<void> {
    const lock = this.dataSource.createQueryRunner();
    try {
      await lock.connect();
      // A transaction-level lock: it goes with the transaction, or with the session if the process dies.
      await lock.startTransaction();
      if (!(await tryTransactionLock(lock.manager, RECONCILER_LOCK))) return;
      let changed = await this.fileDue(now);
      changed += await this.reconcileInFlight();
      if (changed > 0) void this.relay.tick();
    } catch (error) {
      this.logger.warn({ errorMessage: (error as Error).message }, 'job reconciliation paused; the next sweep tries again');
    } finally {
      if (lock.isTransactionActive) await lock.rollbackTransaction().catch(() => undefined);
      await lock.release().catch(() => undefined);
    }
  }

  private async fileDue(now: Date): Promise<number> {
    let filed = await this.schedules.fileDue(now);
    for (const step of this.steps) {
      try {
        const result = await step.run(now);
        if (typeof result === 'number') filed += result;
      } catch (error) {
        this.logger.warn({ step: step.name, errorMessage: (error as Error).message }, 'a sweep step failed; the next sweep tries again');
      }
    }
    return filed;
  }

  private async reconcileInFlight(): Promise<number> {
    const after = this.cursor ?? { createdAt: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
    const rows = await this.rows.inFlightAfter(this.dataSource.manager, after, BATCH);
    const last = rows.at(-1);
    this.cursor = rows.length === BATCH && last ? { createdAt: last.created_at, id: last.id } : undefined;
    let changed = 0;
    for (const row of rows) {
      if (await this.reconcile(row)) changed += 1;
    }
    return changed;
  }

  /** Brings one in-flight row in line with its job; whether it goes to the relay again. */
  private async reconcile(row: InFlightRow): Promise<boolean> {
    const queue = this.queues.get(row.queue);
    if (!queue) return false; // The relay never dispatches to an unknown queue; nothing to ask.
    const job = await withTimeout(queue.getJob(row.id), REDIS_TIMEOUT_MS);
    if (!job) {
      return this.dispatchAgain(row, 'the job was no longer in Redis; handed to the queue again');
    }
    const state = await withTimeout(job.getState(), REDIS_TIMEOUT_MS);
    if (state === 'completed') {
      await this.outbox.markCompleted(row.id);
    } else if (state === 'failed') {
      const reason = readableFailure(job.failedReason);
      if (row.failure_retries < 1) {
        this.logger.warn({ jobId: row.id, reason }, 'a job failed while its failure could not be recorded; giving it one more round');
        await withTimeout(job.remove(), REDIS_TIMEOUT_MS);
        return this.dispatchAgain(row, `one more round after: ${reason}`, true);
      }
      await this.workers.recordGivenUp(row.queue, { id: row.id, name: row.job_name, data: row.payload }, reason);
    }
    return false;
  }

  private async dispatchAgain(row: InFlightRow, note: string, afterFailure = false): Promise<boolean> {
    return this.rows.undispatch(this.dataSource.manager, row, note, afterFailure);
  }
}
