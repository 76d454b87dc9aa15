import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueWorkers, type GivenUpJob, type QueueHandler } from '../jobs/queue-workers';
import { JOBS, STATISTICS_QUEUE, type HalfYearReportJob } from '../jobs/queues';
import { Reconciler } from '../jobs/reconciler';
import { ReportRunner } from './report-runner';
import { ReportScheduler } from './report-scheduler';

/**
 * The statistics queue's worker, in processes that run workers: it hands each job to the service
 * that does the work, and gives the reconciler's sweep the statistics' part (filing the due
 * half-year reports, failing reports past their deadline).
 */
@Injectable()
export class StatisticsProcessor implements QueueHandler, OnApplicationBootstrap {
  constructor(
    private readonly runner: ReportRunner,
    private readonly scheduler: ReportScheduler,
    private readonly workers: QueueWorkers,
    private readonly reconciler: Reconciler,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start(STATISTICS_QUEUE, this, { concurrency: 2 });
    this.reconciler.everySweep('file due half-year reports', (now) => this.scheduler.fileDueReports(now));
    this.reconciler.everySweep('fail overdue half-year reports', (now) => this.runner.failOverdue(now));
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.halfYearReport:
        return this.runner.run((job.data as HalfYearReportJob).reportId, (percent) => job.updateProgress(percent));
      case JOBS.scheduleHalfYearReports:
        return this.scheduler.fileDueReports();
      default:
        throw new Error(`the statistics queue has no job called "${job.name}"`);
    }
  }

  async givenUp(job: GivenUpJob, reason: string): Promise<void> {
    if (job.name === JOBS.halfYearReport) await this.runner.markFailed((job.data as HalfYearReportJob).reportId, reason);
  }
}
