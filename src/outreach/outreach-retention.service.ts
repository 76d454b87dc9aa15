import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { OutreachRetentionRepository } from './outreach-retention.repository';

export interface OutreachRetentionRun {
  lists: number;
  people: number;
  attempts: number;
}

/**
 * An outreach list's own retention (issue 23, part 5): the names come from the municipality for
 * one round of door-to-door outreach, so once a list is `retention_days` old its people and their
 * attempts are deleted. What the half-year report counts survives as tallies per list, Danish
 * day and outcome, so a report run later shows the same figures.
 *
 * One transaction per batch of lists, locked FOR UPDATE SKIP LOCKED: a list someone is adding to
 * right now (they hold it FOR SHARE) is left for the next run; nobody waits for the sweep.
 */
@Injectable()
export class OutreachRetentionService {
  private readonly logger = new Logger(OutreachRetentionService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly lists: OutreachRetentionRepository,
  ) {}

  async run(now = new Date(), batchSize = 100): Promise<OutreachRetentionRun> {
    const run: OutreachRetentionRun = { lists: 0, people: 0, attempts: 0 };
    for (;;) {
      const batch = await this.uow.inNewTransaction(async (manager) => {
        const ids = await this.lists.lockDue(manager, now, batchSize);
        if (ids.length === 0) return { lists: 0, people: 0, attempts: 0 };
        await this.lists.tallyAttempts(manager, ids);
        return { lists: ids.length, ...(await this.lists.forgetNames(manager, ids, now)) };
      });
      run.lists += batch.lists;
      run.people += batch.people;
      run.attempts += batch.attempts;
      if (batch.lists < batchSize) break;
    }
    if (run.lists > 0) this.logger.log(run, 'deleted the names on outreach lists past their retention');
    return run;
  }
}
