import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, NotFound, RuleViolation } from '../common/domain-errors';
import { isInFuture } from '../common/time';
import type { ConversationDto, ProposeMatchDto, UpdateMatchDto } from './dto/programme-activity.dto';
import { JobProgrammeConversation } from './entities/job-programme-conversation.entity';
import { JobProgrammeMatch } from './entities/job-programme-match.entity';
import { conversationView, matchView } from './job-programme-views';
import { JOB_PROGRAMME_PURPOSE } from './job-programmes.service';
import { ProgrammeFactsReader } from './programme-facts';
import { ProgrammeFinder } from './programme-finder';
import { guardPassed } from './guard-passed';
import { undoneRequirements } from './phase-machine';
import { UnitOfWork } from '../database/unit-of-work';

/** Conversations and employer matches inside a running programme. */
@Injectable()
export class ProgrammeActivityService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly programmes: ProgrammeFinder,
    private readonly facts: ProgrammeFactsReader,
  ) {}

  async recordConversation(actor: PlanActor, id: string, dto: ConversationDto) {
    return this.uow.run(async (manager) => {
      const programme = await this.programmes.lockUnfinished(manager, actor, id);
      if (isInFuture(dto.occurredAt)) {
        throw new RuleViolation([{ field: 'occurredAt', rule: 'not_in_future', message: 'occurredAt is in the future: record a conversation once it has taken place' }]);
      }
      const repo = manager.getRepository(JobProgrammeConversation);
      const saved = await repo.save(
        repo.create({ planId: actor.planId, programmeId: id, occurredAt: dto.occurredAt, kind: dto.kind, participants: dto.participants, note: dto.note ?? null, recordedBy: actor.userId }),
      );
      await this.audit.record(actor, { action: 'job_programme.conversation_recorded', purpose: JOB_PROGRAMME_PURPOSE, residentId: programme.residentId, entityType: 'job_programme_conversation', entityId: saved.id }, manager);
      return conversationView(saved);
    });
  }

  /** Proposes a workplace of the plan for the youth (status `proposed`). */
  async proposeMatch(actor: PlanActor, id: string, dto: ProposeMatchDto) {
    return this.uow.run(async (manager) => {
      const programme = await this.programmes.lockUnfinished(manager, actor, id);
      if (!(await this.facts.employerInPlan(manager, actor.planId, dto.employerId))) {
        throw new RuleViolation([{ field: 'employerId', rule: 'employer_in_plan', message: 'employerId is not an employer of your plan; register the employer first' }]);
      }
      const repo = manager.getRepository(JobProgrammeMatch);
      const saved = await repo.save(repo.create({ planId: actor.planId, programmeId: id, employerId: dto.employerId, status: 'proposed', interviewAt: null }));
      await this.audit.record(actor, { action: 'job_programme.match_proposed', purpose: JOB_PROGRAMME_PURPOSE, residentId: programme.residentId, entityType: 'job_programme_match', entityId: saved.id }, manager);
      return matchView(saved);
    });
  }

  /**
   * Interview, acceptance, decline or withdrawal of a match. At most one match is accepted (the
   * partial unique index backs this up); once the youth works there, the accepted match stays.
   */
  async updateMatch(actor: PlanActor, id: string, matchId: string, dto: UpdateMatchDto) {
    return this.uow.run(async (manager) => {
      const programme = await this.programmes.lockUnfinished(manager, actor, id);
      const repo = manager.getRepository(JobProgrammeMatch);
      const match = await repo.findOneBy({ id: matchId, programmeId: id });
      if (!match) throw new NotFound('Match');
      if (dto.status === 'accepted' && match.status !== 'accepted') {
        const accepted = await repo.findOneBy({ programmeId: id, status: 'accepted', id: Not(matchId) });
        if (accepted) {
          throw new Conflict('Another match of this programme is already accepted; decline or withdraw it first', { extra: { acceptedMatchId: accepted.id } });
        }
      }
      if (match.status !== dto.status && (match.status === 'accepted' || dto.status === 'accepted')) {
        // Taking back the accepted match of a youth who already works would undo the guard into
        // employment: end the programme instead. The phase machine decides, as for the employment.
        const before = await this.facts.gather(manager, programme, {});
        const after = { ...before, acceptedMatch: dto.status === 'accepted' ? { employerId: match.employerId } : undefined };
        const undone = undoneRequirements(before, after);
        if (undone.length) throw guardPassed(programme, undone);
      }
      match.status = dto.status;
      if (dto.interviewAt) match.interviewAt = dto.interviewAt;
      const saved = await repo.save(match);
      await this.audit.record(actor, { action: `job_programme.match_${dto.status}`, purpose: JOB_PROGRAMME_PURPOSE, residentId: programme.residentId, entityType: 'job_programme_match', entityId: matchId }, manager);
      return matchView(saved);
    });
  }
}
