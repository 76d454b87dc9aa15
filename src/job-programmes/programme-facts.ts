import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayInPlanZone } from '../common/time';
import { ConsentsService } from '../consents/consents.service';
import { EmployersRepository } from '../employers/employers.repository';
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
    return {
      phase: programme.phase,
      hasGuardianParticipationConsent,
      hasClarificationConversation: kinds.has('clarification'),
      hasEvaluationConversation: kinds.has('evaluation'),
      acceptedMatch: accepted ? { employerId: accepted.employerId } : undefined,
      employment: employment ? employmentFacts(employment) : undefined,
      employerAgreementActive: employment ? await this.agreementActive(manager, programme.planId, employment) : false,
      day,
      request,
      requestedEmployerInPlan: await this.employerInPlan(manager, programme.planId, request.employerId),
    };
  }

  /** Whether the employer has an active cooperation agreement on the employment's start date. */
  agreementActive(manager: EntityManager, planId: string, employment: Pick<EmploymentFacts, 'employerId' | 'startDate'>): Promise<boolean> {
    return this.employers.hasActiveAgreement(manager, { planId }, employment.employerId, employment.startDate);
  }
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
