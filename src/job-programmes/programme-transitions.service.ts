import { Injectable } from '@nestjs/common';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { RuleViolation, refuseStaleVersion } from '../common/domain-errors';
import { todayInPlanZone } from '../common/time';
import type { TransitionDto } from './dto/job-programme.dto';
import type { ProgrammeDetailsResponse } from './dto/job-programme-response.dto';
import type { JobProgrammesProblem } from './job-programmes-problems';
import { finishedProgramme, JobProgrammesRepository } from './job-programmes.repository';
import { JOB_PROGRAMME_PURPOSE } from './job-programmes.service';
import { isFinal, transitionProblems, type TransitionRequest } from './phase-machine';
import { ProgrammeDetails } from './programme-details';
import { ProgrammeFactsReader } from './programme-facts';
import { transitionTimingProblems } from './programme-timeline';
import { UnitOfWork } from '../database/unit-of-work';

/**
 * Moves a programme to its next phase. One transaction: lock the programme row, compare the
 * caller's version, ask the phase machine, then change the phase, raise the version, keep the
 * history row and the audit event. Concurrent requests with the same version queue on the row
 * lock, and all but the first then find the version moved on (409).
 *
 * A phase change carries the business date it happened (`occurredAt`, default now), which the
 * half-year report counts by, and the time it was typed (`recordedAt`).
 */
@Injectable()
export class ProgrammeTransitionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditWriter,
    private readonly programmes: JobProgrammesRepository,
    private readonly facts: ProgrammeFactsReader,
    private readonly details: ProgrammeDetails,
  ) {}

  async transition(actor: PlanActor, id: string, dto: TransitionDto): Promise<ProgrammeDetailsResponse> {
    const request: TransitionRequest = { reason: dto.reason?.trim() || undefined, employerId: dto.employerId, startedAt: dto.startedAt };
    const occurredAt = dto.occurredAt ?? new Date();
    return this.uow.run(async (manager) => {
      const programme = await this.programmes.lockWritable(manager, actor, id);
      refuseStaleVersion('The programme', dto.version, programme.version, { phase: programme.phase });
      if (isFinal(programme.phase)) throw finishedProgramme(programme);
      const previous = await this.programmes.latestTransitionOf(manager, programme.id);
      const timing = transitionTimingProblems(occurredAt, previous?.occurredAt ?? null);
      // Guards are judged on the day the change happened: "the employment has started" by then.
      const facts = await this.facts.gather(manager, programme, request, todayInPlanZone(occurredAt));
      const unmet = transitionProblems(facts, dto.to);
      if (timing.length || unmet.length) {
        throw new RuleViolation([...timing, ...unmet], (unmet.length ? 'guard_unmet' : 'transition_timing') satisfies JobProgrammesProblem);
      }

      const from = programme.phase;
      programme.phase = dto.to;
      programme.version += 1;
      if (dto.to === 'ended') programme.endReason = request.reason ?? null;
      if (dto.to === 'ordinary_job') {
        programme.ordinaryJobEmployerId = request.employerId ?? null;
        programme.ordinaryJobStartedAt = request.startedAt ?? null;
      }
      if (isFinal(dto.to)) programme.finishedAt = occurredAt;
      const saved = await this.programmes.save(manager, programme);
      await this.programmes.recordTransition(manager, {
        planId: programme.planId,
        programmeId: programme.id,
        fromPhase: from,
        toPhase: dto.to,
        reason: request.reason ?? null,
        actorId: actor.userId,
        occurredAt,
      });
      await this.audit.record(
        actor,
        { action: 'job_programme.phase_changed', purpose: JOB_PROGRAMME_PURPOSE, residentId: programme.residentId, entityType: 'job_programme', entityId: programme.id },
        manager,
      );
      return this.details.of(manager, saved, true);
    });
  }
}
