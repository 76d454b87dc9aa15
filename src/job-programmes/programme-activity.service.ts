import { Injectable } from '@nestjs/common';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, NotFound, RuleViolation, refuseStaleVersion } from '../common/domain-errors';
import { isInFuture } from '../common/time';
import { UnitOfWork } from '../database/unit-of-work';
import type { ConversationDto, ProposeMatchDto, UpdateMatchDto } from './dto/programme-activity.dto';
import type { ConversationResponse, MatchResponse } from './dto/job-programme-response.dto';
import { guardPassed } from './guard-passed';
import { conversationView, matchView } from './job-programme-views';
import type { JobProgrammesProblem } from './job-programmes-problems';
import { JobProgrammesRepository } from './job-programmes.repository';
import { JOB_PROGRAMME_PURPOSE } from './job-programmes.service';
import { undoneRequirements } from './phase-machine';
import { ProgrammeActivityRepository } from './programme-activity.repository';
import { ProgrammeFactsReader } from './programme-facts';

/** Conversations and employer matches inside a running programme. */
@Injectable()
export class ProgrammeActivityService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditWriter,
    private readonly programmes: JobProgrammesRepository,
    private readonly activity: ProgrammeActivityRepository,
    private readonly facts: ProgrammeFactsReader,
  ) {}

  async recordConversation(actor: PlanActor, id: string, dto: ConversationDto): Promise<ConversationResponse> {
    return this.uow.run(async (manager) => {
      const programme = await this.programmes.lockUnfinished(manager, actor, id);
      if (isInFuture(dto.occurredAt)) {
        throw new RuleViolation(
          [{ field: 'occurredAt', rule: 'not_in_future', message: 'occurredAt is in the future: record a conversation once it has taken place' }],
          'conversation_in_future' satisfies JobProgrammesProblem,
        );
      }
      const saved = await this.activity.insertConversation(manager, {
        planId: actor.planId,
        programmeId: id,
        occurredAt: dto.occurredAt,
        kind: dto.kind,
        participants: dto.participants,
        note: dto.note ?? null,
        recordedBy: actor.userId,
      });
      await this.audit.record(actor, { action: 'job_programme.conversation_recorded', purpose: JOB_PROGRAMME_PURPOSE, residentId: programme.residentId, entityType: 'job_programme_conversation', entityId: saved.id }, manager);
      return conversationView(saved);
    });
  }

  /** Proposes a workplace of the plan for the youth (status `proposed`). */
  async proposeMatch(actor: PlanActor, id: string, dto: ProposeMatchDto): Promise<MatchResponse> {
    return this.uow.run(async (manager) => {
      const programme = await this.programmes.lockUnfinished(manager, actor, id);
      if (!(await this.facts.employerInPlan(manager, actor.planId, dto.employerId))) {
        throw new RuleViolation(
          [{ field: 'employerId', rule: 'employer_in_plan', message: 'employerId is not an employer of your plan; register the employer first' }],
          'employer_not_in_plan' satisfies JobProgrammesProblem,
        );
      }
      const saved = await this.activity.insertMatch(manager, { planId: actor.planId, programmeId: id, employerId: dto.employerId, status: 'proposed', interviewAt: null });
      await this.audit.record(actor, { action: 'job_programme.match_proposed', purpose: JOB_PROGRAMME_PURPOSE, residentId: programme.residentId, entityType: 'job_programme_match', entityId: saved.id }, manager);
      return matchView(saved);
    });
  }

  /**
   * Interview, acceptance, decline or withdrawal of a match, made on the match's `version` (409
   * `stale_version` when it has moved on). At most one match is accepted (the partial unique index
   * backs this up); once the youth works there, the accepted match stays.
   */
  async updateMatch(actor: PlanActor, id: string, matchId: string, dto: UpdateMatchDto): Promise<MatchResponse> {
    return this.uow.run(async (manager) => {
      const programme = await this.programmes.lockUnfinished(manager, actor, id);
      const match = await this.activity.matchOf(manager, id, matchId);
      if (!match) throw new NotFound('Match');
      // The programme row lock serialises changes of its matches, so the version read here holds until commit.
      refuseStaleVersion('The match', dto.version, match.version, { currentStatus: match.status });
      if (dto.status === 'accepted' && match.status !== 'accepted') {
        const accepted = await this.activity.acceptedMatchOf(manager, id, matchId);
        if (accepted) {
          throw new Conflict('Another match of this programme is already accepted; decline or withdraw it first', {
            code: 'another_match_accepted' satisfies JobProgrammesProblem,
            extra: { acceptedMatchId: accepted.id },
          });
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
      match.version += 1;
      const saved = await this.activity.saveMatch(manager, match);
      await this.audit.record(actor, { action: `job_programme.match_${dto.status}`, purpose: JOB_PROGRAMME_PURPOSE, residentId: programme.residentId, entityType: 'job_programme_match', entityId: matchId }, manager);
      return matchView(saved);
    });
  }
}
