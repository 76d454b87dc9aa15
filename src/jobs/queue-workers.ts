import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { readableFailure } from './job-failures';
import { redisErrorLogger } from './job-queues';
import { Outbox } from './outbox';
import { bullConnection, workerTuning } from './redis-connection';

/** A job as the reconciler knows it from its outbox row, or as BullMQ hands it over. */
export interface GivenUpJob {
  id: string;
  name: string;
  data: unknown;
}

/** What a queue's processor provides: the work, and what to record when the work is given up on. */
export interface QueueHandler {
  /** Does the job's work by calling a service (idempotent: a job may be delivered twice). */
  process(job: Job): Promise<unknown>;
  /** BullMQ (or the reconciler) gave up on the job: record it where users see it, with `reason` in their words. */
  givenUp?(job: GivenUpJob, reason: string): Promise<void>;
}

/**
 * Runs the BullMQ workers of processes that run workers. Workers are made here rather than by
 * @Processor so their lock and stall settings come from the configuration (redis-connection.ts),
 * and so every job, whatever its queue, records on its outbox row that it completed or was given up on.
 */
@Injectable()
export class QueueWorkers implements BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly workers: Worker[] = [];
  private readonly handlers = new Map<string, QueueHandler>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: Outbox,
  ) {}

  start(queueName: string, handler: QueueHandler, options: { concurrency?: number } = {}): void {
    this.handlers.set(queueName, handler);
    const worker = new Worker(
      queueName,
      async (job: Job) => {
        const result = await handler.process(job);
        // Before BullMQ hears of it: if this write fails the job is retried, and the work is idempotent.
        await this.outbox.markCompleted(job.id);
        return result;
      },
      {
        connection: bullConnection(this.config.redisUrl),
        prefix: `${this.config.redisPrefix}:bull`,
        concurrency: options.concurrency ?? 1,
        ...workerTuning(this.config),
      },
    );
    worker.on('failed', (job, error) => {
      // `finishedOn` is set only when BullMQ moved the job to failed for good (no retry left, or stalled too often).
      if (job?.id && job.finishedOn) void this.recordGivenUp(queueName, { id: job.id, name: job.name, data: job.data }, readableFailure(error.message));
    });
    worker.on('error', redisErrorLogger(this.logger, `worker of ${queueName}`));
    this.workers.push(worker);
  }

  /**
   * Records that a job was given up on: on its domain object (the handler), then on its outbox row.
   * When the database cannot be reached the row stays open, and the reconciler deals with the job
   * once it can.
   */
  async recordGivenUp(queueName: string, job: GivenUpJob, reason: string): Promise<boolean> {
    try {
      await this.handlers.get(queueName)?.givenUp?.(job, reason);
      await this.outbox.markFailed(job.id, reason);
      return true;
    } catch (error) {
      this.logger.warn({ jobId: job.id, errorMessage: (error as Error).message }, 'could not record a failed job; the reconciler will');
      return false;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Graceful: running jobs finish (and record it) before the database and Redis connections close.
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
