import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayInPlanZone } from '../common/time';
import { ConsentsService } from '../consents/consents.service';
import { agreementKey, EmployersRepository } from '../employers/employers.repository';
import type { JobProgramme } from './entities/job-programme.entity';
import type { EmploymentFacts, ProgrammeFacts, TransitionRequest } from './phase-machine';
import { ProgrammeActivityRepository } from './programme-activity.repository';

/**
 * Gathers what the phase machine's guards look at, inside the transition's transaction (the
 * programme row is locked, so the facts cannot change under the decision).
 */
@Injectable()
export class ProgrammeFactsReader {
  constructor(
    private readonly consents: ConsentsService,
    private readonly employers: EmployersRepository,
    private readonly activity: ProgrammeActivityRepository,
  ) {}

  /** Whether an employer named in a request belongs to the plan, read on the caller's transaction. */
  async employerInPlan(manager: EntityManager, planId: string, employerId: string | undefined): Promise<boolean | undefined> {
    return employerId === undefined ? undefined : (await this.employers.findOrNull(manager, { planId }, employerId)) !== null;
  }

  /**
   * The facts as they stand, for a decision about `day` (the day a phase change takes effect, or
   * today for a change to the programme).
   */
  async gather(manager: EntityManager, programme: JobProgramme, request: TransitionRequest, day = todayInPlanZone()): Promise<ProgrammeFacts> {
    const programmeId = programme.id;
    const kinds = await this.activity.conversationKindsOf(manager, programmeId);
    const accepted = await this.activity.acceptedMatchOf(manager, programmeId);
    const employment = await this.activity.employmentOf(manager, programmeId);
    const hasGuardianParticipationConsent = await this.consents.hasActiveConsent(manager, programme.residentId, 'job_programme_participation', { givenBy: 'guardian' });
    return factsFrom(programme, {
      kinds,
      accepted,
      employment,
      hasGuardianParticipationConsent,
      employerAgreementActive: employment ? await this.agreementActive(manager, programme.planId, employment) : false,
      day,
      request,
      requestedEmployerInPlan: await this.employerInPlan(manager, programme.planId, request.employerId),
    });
  }

  /**
   * The facts of a page of programmes (no request: what their next step needs today), in a fixed
   * number of queries however long the page: the board's nextStep for every card.
   */
  async gatherMany(manager: EntityManager, programmes: JobProgramme[], day = todayInPlanZone()): Promise<Map<string, ProgrammeFacts>> {
    const ids = programmes.map((p) => p.id);
    const facts = new Map<string, ProgrammeFacts>();
    if (ids.length === 0) return facts;
    const kinds = await this.activity.conversationKindsOfMany(manager, ids);
    const accepted = await this.activity.acceptedMatchesOf(manager, ids);
    const employments = await this.activity.employmentsOf(manager, ids);
    const consented = await this.consents.residentsWithActiveConsent(manager, programmes.map((p) => p.residentId), 'job_programme_participation', { givenBy: 'guardian' });
    // A page is one plan's; grouping by plan keeps the agreement's plan scope exact all the same.
    const agreements = new Map<string, Set<string>>();
    for (const planId of new Set(programmes.map((p) => p.planId))) {
      const pairs = programmes.filter((p) => p.planId === planId && employments.has(p.id)).map((p) => employments.get(p.id) as EmploymentFacts);
      agreements.set(planId, await this.employers.activeAgreementsOn(manager, { planId }, pairs.map((e) => ({ employerId: e.employerId, onDate: e.startDate }))));
    }
    for (const p of programmes) {
      const employment = employments.get(p.id) ?? null;
      facts.set(
        p.id,
        factsFrom(p, {
          kinds: kinds.get(p.id) ?? new Set(),
          accepted: accepted.get(p.id) ?? null,
          employment,
          hasGuardianParticipationConsent: consented.has(p.residentId),
          employerAgreementActive: employment ? (agreements.get(p.planId)?.has(agreementKey(employment.employerId, employment.startDate)) ?? false) : false,
          day,
          request: {},
          requestedEmployerInPlan: undefined,
        }),
      );
    }
    return facts;
  }

  /** Whether the employer has an active cooperation agreement on the employment's start date. */
  agreementActive(manager: EntityManager, planId: string, employment: Pick<EmploymentFacts, 'employerId' | 'startDate'>): Promise<boolean> {
    return this.employers.hasActiveAgreement(manager, { planId }, employment.employerId, employment.startDate);
  }
}

interface FactParts {
  kinds: Set<string>;
  accepted: { employerId: string } | null;
  employment: EmploymentFacts | null;
  hasGuardianParticipationConsent: boolean;
  employerAgreementActive: boolean;
  day: string;
  request: TransitionRequest;
  requestedEmployerInPlan: boolean | undefined;
}

/** The guards' facts from what was read: one shape whether one programme was read or a page of them. */
function factsFrom(programme: JobProgramme, f: FactParts): ProgrammeFacts {
  return {
    phase: programme.phase,
    hasGuardianParticipationConsent: f.hasGuardianParticipationConsent,
    hasClarificationConversation: f.kinds.has('clarification'),
    hasEvaluationConversation: f.kinds.has('evaluation'),
    acceptedMatch: f.accepted ? { employerId: f.accepted.employerId } : undefined,
    employment: f.employment ? employmentFacts(f.employment) : undefined,
    employerAgreementActive: f.employerAgreementActive,
    day: f.day,
    request: f.request,
    requestedEmployerInPlan: f.requestedEmployerInPlan,
  };
}

/** The part of a recorded (or proposed) employment the guards look at. */
export function employmentFacts(e: EmploymentFacts): EmploymentFacts {
  return {
    employerId: e.employerId,
    contractSignedByYouthAt: e.contractSignedByYouthAt,
    contractSignedByGuardianAt: e.contractSignedByGuardianAt,
    contractSignedByGuardianId: e.contractSignedByGuardianId,
    startDate: e.startDate,
    endDate: e.endDate,
  };
}
