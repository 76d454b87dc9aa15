import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { addDays } from '../common/calendar';
import { PLAN_TIME_ZONE, todayInPlanZone } from '../common/time';
import { JobQueues, withTimeout } from './job-queues';
import { Outbox } from './outbox';
import { REMINDERS_QUEUE, STATISTICS_QUEUE } from './queues';

export interface DailySchedule {
  /** Names the schedule in the outbox's `schedule_key`: `<key>:<local date>`. */
  key: string;
  /** Local time of day in the plans' time zone, HH:MM. */
  at: string;
  queue: string;
  jobName: string;
}

/** The local date of the latest `at` (HH:MM, Europe/Copenhagen) at or before `now`: the run that is due. */
export function dailySlot(now: Date, at: string): string {
  const today = todayInPlanZone(now);
  const time = now.toLocaleTimeString('sv-SE', { timeZone: PLAN_TIME_ZONE, hour12: false }).slice(0, 5);
  return time >= at ? today : addDays(today, -1);
}

/** BullMQ job schedulers older versions registered; what is due is now read from PostgreSQL. */
const LEGACY_SCHEDULERS: [queue: string, schedulerId: string][] = [
  [STATISTICS_QUEUE, 'half-year-reports'],
  [REMINDERS_QUEUE, 'reminders'],
];

/**
 * Repeating work that runs once a day. What is due is decided from PostgreSQL, not from Redis
 * state: each sweep of the reconciler files the latest run that is due into the outbox under a
 * unique key, so a run is filed exactly once however many workers sweep, still filed when no
 * worker ran at its time (only the latest missed run: a daily recomputation needs no catching
 * up), and never lost with Redis' data. A BullMQ job scheduler lives only in Redis, so it
 * vanished when Redis came back empty and dropped a run that fell due while no worker ran.
 */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(Schedules.name);
  private readonly daily: DailySchedule[] = [];

  constructor(
    private readonly outbox: Outbox,
    private readonly queues: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Called by a worker-side module at start (the reminders at 05:00). */
  runDaily(schedule: DailySchedule): void {
    if (!this.daily.some((s) => s.key === schedule.key)) this.daily.push(schedule);
  }

  /** Files each daily run that is due and not filed yet; how many were filed. */
  async fileDue(now = new Date()): Promise<number> {
    let filed = 0;
    for (const s of this.daily) {
      const day = dailySlot(now, s.at);
      if (await this.outbox.enqueueScheduled(`${s.key}:${day}`, s.queue, s.jobName, { day })) filed += 1;
    }
    return filed;
  }

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return;
    // In the background: Redis may be down at start, and then there is nothing to remove anyway once it returns empty.
    void Promise.all(
      LEGACY_SCHEDULERS.map(([queue, id]) => withTimeout(this.queues.get(queue)!.removeJobScheduler(id), 5000).catch(() => false)),
    ).then((removed) => {
      if (removed.some(Boolean)) this.logger.log('removed the BullMQ job schedulers of an older version');
    });
  }
}
