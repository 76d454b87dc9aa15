import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { Conflict, NotFound } from '../common/domain-errors';
import { JobProgramme } from './entities/job-programme.entity';
import { isFinal } from './phase-machine';

/** Loads job programmes through the policy layer; anything out of reach is "not found". */
@Injectable()
export class ProgrammeFinder {
  constructor(private readonly access: AccessPolicy) {}

  async readable(manager: EntityManager, actor: PlanActor, id: string): Promise<JobProgramme> {
    const scope = this.access.readableJobProgrammes(actor, 'p');
    const found = await manager.getRepository(JobProgramme).createQueryBuilder('p').where('p.id = :id', { id }).andWhere(scope.sql, scope.params).getOne();
    if (!found) throw new NotFound('Job programme');
    return found;
  }

  /**
   * The programme, locked (FOR UPDATE) until the caller's transaction ends: phase changes and
   * the activity they depend on are serialised per programme.
   */
  async lockWritable(manager: EntityManager, actor: PlanActor, id: string): Promise<JobProgramme> {
    const scope = this.access.writableJobProgrammes(actor, 'p');
    const found = await manager
      .getRepository(JobProgramme)
      .createQueryBuilder('p')
      .where('p.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .setLock('pessimistic_write')
      .getOne();
    if (!found) throw new NotFound('Job programme');
    return found;
  }

  /** A locked programme that is still running; a finished one (ordinary job or ended) takes no more changes. */
  async lockUnfinished(manager: EntityManager, actor: PlanActor, id: string): Promise<JobProgramme> {
    const found = await this.lockWritable(manager, actor, id);
    if (isFinal(found.phase)) throw finishedProgramme(found);
    return found;
  }

  /** The youth's programme that is not finished yet, if any: one at a time per youth. */
  openProgrammeOf(manager: EntityManager, residentId: string): Promise<JobProgramme | null> {
    return manager
      .getRepository(JobProgramme)
      .createQueryBuilder('p')
      .where(`p.resident_id = :residentId AND p.phase NOT IN ('ordinary_job', 'ended')`, { residentId })
      .getOne();
  }
}

export function finishedProgramme(p: JobProgramme): Conflict {
  return new Conflict(`The job programme is finished (${p.phase}) and takes no more changes`, { extra: { programmeId: p.id, phase: p.phase } });
}
