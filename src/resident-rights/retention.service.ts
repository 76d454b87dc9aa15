import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditWriter } from '../audit/audit-writer';
import { UnitOfWork } from '../database/unit-of-work';
import { PlansService } from '../plans/plans.service';
import { ResidentErasure } from './resident-erasure';
import { RetentionRepository } from './retention.repository';

/** The audit purpose and erasure reason of what retention does. */
export const RETENTION = 'retention';

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

export interface RetentionRun {
  erased: number;
  batches: number;
}

/**
 * Retention (issue 11): residents with no open case, no running programme and no activity for
 * their plan's `retention_months` are erased with reason `retention`.
 *
 * Set-based and batched: each batch is one transaction that looks at the next `batchSize` residents
 * in id order past the previous batch (so a run ends after one pass, and a run stopped half-way
 * simply starts over: erased residents are never picked again), locks them with SKIP LOCKED (a
 * resident someone is working on right now is left for tomorrow; nobody waits for the job), and
 * erases the whole batch with one statement per table; who is due is judged again once they are
 * locked (see run). Activity counts until the limit itself:
 * something exactly `retention_months` ago keeps the resident.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly erasure: ResidentErasure,
    private readonly audit: AuditWriter,
    private readonly plans: PlansService,
    private readonly residents: RetentionRepository,
  ) {}

  async run(now = new Date(), batchSize = 1000): Promise<RetentionRun> {
    const requestId = `retention-${randomUUID()}`;
    const run: RetentionRun = { erased: 0, batches: 0 };
    const plans = await this.plans.retentionMonths();
    let after = FIRST_ID;
    for (;;) {
      const batch = await this.uow.inNewTransaction(async (manager): Promise<{ last: string | null; erased: number; picked: number }> => {
        // A window of residents in id order first, then which of them are due: judged for a known
        // handful of rows, "anything recent?" is a few index probes per resident, never a scan of
        // every contact as it would be for the whole table.
        const window = await this.residents.windowAfter(manager, after, batchSize);
        if (window.length === 0) return { last: null, erased: 0, picked: 0 };
        const judge = (ids: string[]) => this.residents.dueAmong(manager, ids, now, plans);
        // Judged twice: the first statement picks and locks who looks due, but it judged them on
        // the snapshot it took when it began, so a case opened and committed while it ran (the lock
        // it would have met was already gone) is unseen. The second statement begins after the
        // locks are held, so it sees everything committed before them, and nothing can commit after
        // them: every write that makes a resident active holds the resident row until it commits
        // (ResidentsRepository.holdAgainstErasure). Only those still due are erased.
        const candidates = await judge(window);
        const due = candidates.length ? await judge(candidates.map((r) => r.id)) : [];
        const erased = due.length ? await this.erasure.erase(manager, due.map((r) => r.id), 'retention') : [];
        await this.audit.recordSystem(manager, requestId, { action: 'resident.erased', purpose: RETENTION }, erased.map((e) => ({ planId: e.planId, residentId: e.id })));
        return { last: window[window.length - 1], erased: erased.length, picked: window.length };
      });
      if (batch.last === null) break;
      run.batches += 1;
      run.erased += batch.erased;
      after = batch.last;
      if (batch.picked < batchSize) break;
    }
    if (run.erased > 0) this.logger.log({ erased: run.erased, batches: run.batches }, 'retention erased residents kept past their plan\'s retention period');
    return run;
  }
}
