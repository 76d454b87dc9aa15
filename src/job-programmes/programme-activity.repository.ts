import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { mondayOf } from '../common/calendar';
import { JobProgrammeConversation } from './entities/job-programme-conversation.entity';
import { JobProgrammeEmployment } from './entities/job-programme-employment.entity';
import { JobProgrammeMatch } from './entities/job-programme-match.entity';
import { JobProgrammeTimesheetRevision } from './entities/job-programme-timesheet-revision.entity';
import { JobProgrammeTimesheet } from './entities/job-programme-timesheet.entity';

/**
 * What happens inside one programme: conversations, matches, the employment and timesheets.
 * Every method is about a programme the caller has already found (and, for changes, locked)
 * through JobProgrammesRepository, so the plan and the policy are settled by then.
 */
@Injectable()
export class ProgrammeActivityRepository {
  conversationsOf(manager: EntityManager, programmeId: string): Promise<JobProgrammeConversation[]> {
    return manager.getRepository(JobProgrammeConversation).find({ where: { programmeId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }

  /** The kinds of conversation held so far (the guards ask for clarification and evaluation). */
  async conversationKindsOf(manager: EntityManager, programmeId: string): Promise<Set<string>> {
    const rows = await manager
      .getRepository(JobProgrammeConversation)
      .createQueryBuilder('c')
      .select('DISTINCT c.kind', 'kind')
      .where('c.programme_id = :programmeId', { programmeId })
      .getRawMany<{ kind: string }>();
    return new Set(rows.map((r) => r.kind));
  }

  /** conversationKindsOf for a page of programmes in one query, by programme id. */
  async conversationKindsOfMany(manager: EntityManager, programmeIds: string[]): Promise<Map<string, Set<string>>> {
    const kinds = new Map<string, Set<string>>(programmeIds.map((id) => [id, new Set<string>()]));
    if (programmeIds.length === 0) return kinds;
    const rows = await manager
      .getRepository(JobProgrammeConversation)
      .createQueryBuilder('c')
      .select('c.programme_id', 'programmeId')
      .addSelect('c.kind', 'kind')
      .distinct(true)
      .where('c.programme_id IN (:...programmeIds)', { programmeIds })
      .getRawMany<{ programmeId: string; kind: string }>();
    for (const r of rows) kinds.get(r.programmeId)?.add(r.kind);
    return kinds;
  }

  insertConversation(manager: EntityManager, values: Omit<JobProgrammeConversation, 'id' | 'createdAt'>): Promise<JobProgrammeConversation> {
    const repo = manager.getRepository(JobProgrammeConversation);
    return repo.save(repo.create(values));
  }

  matchesOf(manager: EntityManager, programmeId: string): Promise<JobProgrammeMatch[]> {
    return manager.getRepository(JobProgrammeMatch).find({ where: { programmeId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  matchOf(manager: EntityManager, programmeId: string, matchId: string): Promise<JobProgrammeMatch | null> {
    return manager.getRepository(JobProgrammeMatch).findOneBy({ id: matchId, programmeId });
  }

  /** The matches of the programmes at one employer, oldest first. */
  matchesAtEmployer(manager: EntityManager, programmeIds: string[], employerId: string): Promise<JobProgrammeMatch[]> {
    if (!programmeIds.length) return Promise.resolve([]);
    return manager.getRepository(JobProgrammeMatch).find({ where: { programmeId: In(programmeIds), employerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The programme's accepted match, leaving out `except` when given. */
  acceptedMatchOf(manager: EntityManager, programmeId: string, except?: string): Promise<JobProgrammeMatch | null> {
    return manager.getRepository(JobProgrammeMatch).findOneBy({ programmeId, status: 'accepted', ...(except ? { id: Not(except) } : {}) });
  }

  insertMatch(manager: EntityManager, values: Pick<JobProgrammeMatch, 'planId' | 'programmeId' | 'employerId' | 'status' | 'interviewAt'>): Promise<JobProgrammeMatch> {
    const repo = manager.getRepository(JobProgrammeMatch);
    return repo.save(repo.create({ ...values, version: 1 }));
  }

  saveMatch(manager: EntityManager, match: JobProgrammeMatch): Promise<JobProgrammeMatch> {
    return manager.getRepository(JobProgrammeMatch).save(match);
  }

  /** The accepted match of each programme of a page (at most one each), in one query. */
  async acceptedMatchesOf(manager: EntityManager, programmeIds: string[]): Promise<Map<string, JobProgrammeMatch>> {
    if (programmeIds.length === 0) return new Map();
    const rows = await manager.getRepository(JobProgrammeMatch).findBy({ programmeId: In(programmeIds), status: 'accepted' });
    return new Map(rows.map((m) => [m.programmeId, m]));
  }

  /** The employment of each programme of a page that has one, in one query. */
  async employmentsOf(manager: EntityManager, programmeIds: string[]): Promise<Map<string, JobProgrammeEmployment>> {
    if (programmeIds.length === 0) return new Map();
    const rows = await manager.getRepository(JobProgrammeEmployment).findBy({ programmeId: In(programmeIds) });
    return new Map(rows.map((e) => [e.programmeId, e]));
  }

  employmentOf(manager: EntityManager, programmeId: string): Promise<JobProgrammeEmployment | null> {
    return manager.getRepository(JobProgrammeEmployment).findOneBy({ programmeId });
  }

  /** Records the employment, or replaces the one recorded (one per programme). */
  saveEmployment(manager: EntityManager, values: Omit<JobProgrammeEmployment, 'updatedAt'>): Promise<JobProgrammeEmployment> {
    const repo = manager.getRepository(JobProgrammeEmployment);
    return repo.save(repo.create(values));
  }

  timesheetsOf(manager: EntityManager, programmeId: string): Promise<JobProgrammeTimesheet[]> {
    return manager.getRepository(JobProgrammeTimesheet).find({ where: { programmeId }, order: { weekStart: 'ASC' } });
  }

  timesheetOfWeek(manager: EntityManager, programmeId: string, weekStart: string): Promise<JobProgrammeTimesheet | null> {
    return manager.getRepository(JobProgrammeTimesheet).findOneBy({ programmeId, weekStart });
  }

  insertTimesheet(manager: EntityManager, values: Omit<JobProgrammeTimesheet, 'id' | 'createdAt' | 'recordedAt' | 'version'>): Promise<JobProgrammeTimesheet> {
    const repo = manager.getRepository(JobProgrammeTimesheet);
    return repo.save(repo.create({ ...values, version: 1, recordedAt: new Date() }));
  }

  timesheetOf(manager: EntityManager, programmeId: string, timesheetId: string): Promise<JobProgrammeTimesheet | null> {
    return manager.getRepository(JobProgrammeTimesheet).findOneBy({ id: timesheetId, programmeId });
  }

  saveTimesheet(manager: EntityManager, timesheet: JobProgrammeTimesheet): Promise<JobProgrammeTimesheet> {
    return manager.getRepository(JobProgrammeTimesheet).save(timesheet);
  }

  /** Keeps the hours a correction replaces; the history is only ever added to. */
  async recordTimesheetRevision(manager: EntityManager, replaced: JobProgrammeTimesheet, replacedAt: Date): Promise<void> {
    await manager.getRepository(JobProgrammeTimesheetRevision).insert({
      planId: replaced.planId,
      timesheetId: replaced.id,
      version: replaced.version,
      hours: replaced.hours,
      recordedBy: replaced.recordedBy,
      recordedAt: replaced.recordedAt,
      replacedAt,
    });
  }

  /** The earlier hours of each of the timesheets, oldest first, by timesheet id. */
  async revisionsOf(manager: EntityManager, timesheetIds: string[]): Promise<Map<string, JobProgrammeTimesheetRevision[]>> {
    const byTimesheet = new Map<string, JobProgrammeTimesheetRevision[]>();
    if (!timesheetIds.length) return byTimesheet;
    const rows = await manager.getRepository(JobProgrammeTimesheetRevision).find({ where: { timesheetId: In(timesheetIds) }, order: { version: 'ASC' } });
    for (const row of rows) byTimesheet.set(row.timesheetId, [...(byTimesheet.get(row.timesheetId) ?? []), row]);
    return byTimesheet;
  }

  /** The weeks (YYYY-MM-DD Mondays) with a timesheet outside the employment from `startDate` to `endDate`, in order. */
  async timesheetWeeksOutside(manager: EntityManager, programmeId: string, startDate: string, endDate: string): Promise<string[]> {
    const rows = await manager
      .getRepository(JobProgrammeTimesheet)
      .createQueryBuilder('t')
      .select(`to_char(t.week_start, 'YYYY-MM-DD')`, 'week')
      .where('t.programme_id = :programmeId', { programmeId })
      .andWhere('(t.week_start < :firstMonday::date OR t.week_start > :endDate::date)', { firstMonday: mondayOf(startDate), endDate })
      .orderBy('t.week_start')
      .getRawMany<{ week: string }>();
    return rows.map((r) => r.week);
  }
}
