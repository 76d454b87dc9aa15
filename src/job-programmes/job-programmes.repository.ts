import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { Conflict } from '../common/domain-errors';
import { paginate, type Page, type PageQuery } from '../common/pagination';
import { findInPlan, inPlan } from '../database/plan-scope';
import { JobProgrammeTransition } from './entities/job-programme-transition.entity';
import { JobProgramme } from './entities/job-programme.entity';
import type { JobProgrammesProblem } from './job-programmes-problems';
import { isFinal, type Phase } from './phase-machine';

const NOT_FOUND = 'Job programme';

/**
 * Job programmes and their phase history. Every read goes through the policy layer
 * (AccessPolicy.readableJobProgrammes / writableJobProgrammes): anything out of reach is "not found".
 */
@Injectable()
export class JobProgrammesRepository {
  constructor(private readonly access: AccessPolicy) {}

  readable(manager: EntityManager, actor: PlanActor, id: string): Promise<JobProgramme> {
    return findInPlan(manager, JobProgramme, 'p', actor, id, { policy: this.access.readableJobProgrammes(actor, 'p'), notFound: NOT_FOUND });
  }

  /**
   * The programme, locked (FOR UPDATE) until the caller's transaction ends: phase changes and
   * the activity they depend on are serialised per programme.
   */
  lockWritable(manager: EntityManager, actor: PlanActor, id: string): Promise<JobProgramme> {
    return findInPlan(manager, JobProgramme, 'p', actor, id, { policy: this.access.writableJobProgrammes(actor, 'p'), lock: true, notFound: NOT_FOUND });
  }

  /** A locked programme that is still running; a finished one (ordinary job or ended) takes no more changes. */
  async lockUnfinished(manager: EntityManager, actor: PlanActor, id: string): Promise<JobProgramme> {
    const found = await this.lockWritable(manager, actor, id);
    if (isFinal(found.phase)) throw finishedProgramme(found);
    return found;
  }

  /** The youth's programme that is not finished yet, if any: one at a time per youth. */
  openProgrammeOf(manager: EntityManager, actor: PlanActor, residentId: string): Promise<JobProgramme | null> {
    return inPlan(manager, JobProgramme, 'p', actor)
      .andWhere(`p.resident_id = :residentId AND p.phase NOT IN ('ordinary_job', 'ended')`, { residentId })
      .getOne();
  }

  /** Programmes the actor may read, most recently started first. */
  page(manager: EntityManager, actor: PlanActor, query: PageQuery, phase: Phase | undefined, employerId?: string): Promise<Page<JobProgramme>> {
    const qb = inPlan(manager, JobProgramme, 'p', actor, this.access.readableJobProgrammes(actor, 'p'));
    if (phase) qb.andWhere('p.phase = :phase', { phase });
    if (employerId) qb.andWhere('EXISTS (SELECT 1 FROM job_programme_matches m WHERE m.programme_id = p.id AND m.employer_id = :employerId)', { employerId });
    return paginate(qb, query, 'p.created_at', 'p.id', (p) => p, (p) => ({ at: p.createdAt, id: p.id }));
  }

  insert(manager: EntityManager, values: Pick<JobProgramme, 'planId' | 'residentId' | 'phase' | 'startedAt' | 'version' | 'createdBy' | 'referredFrom'>): Promise<JobProgramme> {
    const repo = manager.getRepository(JobProgramme);
    return repo.save(repo.create(values));
  }

  save(manager: EntityManager, programme: JobProgramme): Promise<JobProgramme> {
    return manager.getRepository(JobProgramme).save(programme);
  }

  /** Keeps one row of the phase history; it is never rewritten. */
  async recordTransition(manager: EntityManager, values: Omit<JobProgrammeTransition, 'id' | 'recordedAt'>): Promise<void> {
    await manager.getRepository(JobProgrammeTransition).insert(values);
  }

  historyOf(manager: EntityManager, programmeId: string): Promise<JobProgrammeTransition[]> {
    return manager.getRepository(JobProgrammeTransition).find({ where: { programmeId }, order: { id: 'ASC' } });
  }

  /** The last phase change in the world's time, which a new one may not precede. */
  latestTransitionOf(manager: EntityManager, programmeId: string): Promise<JobProgrammeTransition | null> {
    return manager.getRepository(JobProgrammeTransition).findOne({ where: { programmeId }, order: { occurredAt: 'DESC', id: 'DESC' } });
  }
}

export function finishedProgramme(p: JobProgramme): Conflict {
  return new Conflict(`The job programme is finished (${p.phase}) and takes no more changes`, {
    code: 'programme_finished' satisfies JobProgrammesProblem,
    extra: { programmeId: p.id, phase: p.phase },
  });
}
