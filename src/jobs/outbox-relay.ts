import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JobQueues, withTimeout } from './job-queues';
import { OutboxRepository } from './outbox.repository';

const BATCH = 50;
const ADD_TIMEOUT_MS = 3000;

/**
 * Moves outbox rows to BullMQ. Rows are claimed with SKIP LOCKED so several workers can relay
 * side by side; a row is marked dispatched only after Redis accepted the job. While Redis is
 * down the rows simply wait, and the next tick after it is back delivers them. A row the
 * reconciler finds without its job (Redis lost it) is made undispatched again and comes by here
 * once more, under the same job id.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
    private readonly rows: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return;
    this.timer = setInterval(() => void this.tick(), this.config.outboxPollMs);
  }

  // Before the database and the queues close, not after.
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One relay pass; also called directly so a request does not wait for the next tick. */
  tick(): Promise<void> {
    this.running ??= this.relayPending().finally(() => (this.running = undefined));
    return this.running;
  }

  private async relayPending(): Promise<void> {
    try {
      let relayed = BATCH;
      while (relayed === BATCH) relayed = await this.relayBatch();
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay paused; will retry');
    }
  }

  private async relayBatch(): Promise<number> {
    let failure: { id: string; error: Error } | undefined;
    const relayed = await this.dataSource.transaction(async (manager) => {
      const rows = await this.rows.claimUndispatched(manager, BATCH, this.queues.names());
      let done = 0;
      for (const row of rows) {
        const queue = this.queues.get(row.queue);
        try {
          if (!queue) throw new Error(`unknown queue "${row.queue}"`);
          await withTimeout(queue.add(row.job_name, row.payload, { jobId: row.id, ...this.jobOptions() }), ADD_TIMEOUT_MS, 'Redis did not accept the job');
        } catch (error) {
          failure = { id: row.id, error: error as Error };
          break;
        }
        await this.rows.markDispatched(manager, row.id);
        done += 1;
      }
      return done;
    });
    if (failure) {
      await this.rows.recordDispatchFailure(this.dataSource.manager, failure.id, failure.error.message);
      throw failure.error;
    }
    return relayed;
  }

  private jobOptions() {
    return {
      attempts: this.config.jobAttempts,
      backoff: { type: 'exponential' as const, delay: this.config.jobBackoffMs },
      removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    };
  }
}
