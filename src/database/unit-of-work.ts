import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

interface Ambient {
  manager: EntityManager;
  afterCommit: (() => unknown)[];
}

const ambient = new AsyncLocalStorage<Ambient>();

/**
 * One business operation, one transaction (style.md). Services run their writes through `run`.
 * When the request already has a transaction (an Idempotency-Key request stores its answer in the
 * same transaction as the write: src/idempotency/idempotency.interceptor.ts opens it with
 * `inNewTransaction`), `run` joins it as a savepoint, so a failed step rolls back alone and the
 * key is only kept when the whole write commits. Writes that bypass `run` (a repository or the
 * DataSource used directly) commit on their own, outside the request's transaction.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = ambient.getStore();
    if (outer) return outer.manager.transaction((manager) => work(manager));
    return this.inNewTransaction(work);
  }

  /**
   * Opens the outermost transaction and makes it the ambient one for everything `work` calls;
   * `afterCommit` callbacks run once it has committed (e.g. nudging the outbox relay).
   */
  async inNewTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const context: Ambient = { manager: undefined as unknown as EntityManager, afterCommit: [] };
    const result = await this.dataSource.transaction((manager) => {
      context.manager = manager;
      return ambient.run(context, () => work(manager));
    });
    for (const callback of context.afterCommit) {
      try {
        await callback();
      } catch (error) {
        this.logger.warn({ errorName: (error as Error)?.name }, 'an after-commit step failed; the committed work stands');
      }
    }
    return result;
  }

  /** The request's transaction, if it has one (an Idempotency-Key request): a single statement joins it. */
  current(): EntityManager | undefined {
    return ambient.getStore()?.manager;
  }

  /** Runs `callback` after the current transaction commits; at once when there is none. */
  afterCommit(callback: () => unknown): void {
    const context = ambient.getStore();
    if (context) context.afterCommit.push(callback);
    else void Promise.resolve().then(callback);
  }
}
