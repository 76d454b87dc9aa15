import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JOBS, STATISTICS_QUEUE, type HalfYearReportJob } from '../jobs/queues';
import { ReportRunner } from './report-runner';
import { ReportScheduler } from './report-scheduler';

/** The statistics queue's worker: it only hands each job to the service that does the work. */
@Processor(STATISTICS_QUEUE, { concurrency: 2 })
export class StatisticsProcessor extends WorkerHost {
  constructor(
    private readonly runner: ReportRunner,
    private readonly scheduler: ReportScheduler,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.halfYearReport:
        return this.runner.run((job.data as HalfYearReportJob).reportId, (percent) => job.updateProgress(percent));
      case JOBS.scheduleHalfYearReports:
        return this.scheduler.fileScheduledReports();
      default:
        throw new Error(`the statistics queue has no job called "${job.name}"`);
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job || job.name !== JOBS.halfYearReport) return;
    if (job.attemptsMade >= (job.opts.attempts ?? 1)) {
      await this.runner.markFailed((job.data as HalfYearReportJob).reportId, error.message);
    }
  }
}
