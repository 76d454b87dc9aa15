import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayInPlanZone } from '../common/time';
import { ConsentsService } from '../consents/consents.service';
import { EmployersService } from '../employers/employers.service';
import { JobProgrammeEmployment } from './entities/job-programme-employment.entity';
import { JobProgrammeMatch } from './entities/job-programme-match.entity';
import type { JobProgramme } from './entities/job-programme.entity';
import type { ProgrammeFacts, TransitionRequest } from './phase-machine';

/**
 * Gathers what the phase machine's guards look at, inside the transition's transaction (the
 * programme row is locked, so the facts cannot change under the decision).
 */
@Injectable()
export class ProgrammeFactsReader {
  constructor(
    private readonly consents: ConsentsService,
    private readonly employers: EmployersService,
  ) {}

  /** Whether an employer named in a request belongs to the plan, read on the caller's transaction. */
  async employerInPlan(manager: EntityManager, planId: string, employerId: string | undefined): Promise<boolean | undefined> {
    return employerId === undefined ? undefined : (await this.employers.findInPlan(planId, employerId, manager)) !== null;
  }

  async gather(manager: EntityManager, programme: JobProgramme, request: TransitionRequest): Promise<ProgrammeFacts> {
    const programmeId = programme.id;
    const kinds: { kind: string }[] = await manager.query(`SELECT DISTINCT kind FROM job_programme_conversations WHERE programme_id = $1`, [programmeId]);
    const accepted = await manager.getRepository(JobProgrammeMatch).findOneBy({ programmeId, status: 'accepted' });
    const employment = await manager.getRepository(JobProgrammeEmployment).findOneBy({ programmeId });
    const hasGuardianParticipationConsent = await this.consents.hasActiveConsent(manager, programme.residentId, 'job_programme_participation', { givenBy: 'guardian' });
    const employerAgreementActive = employment
      ? await this.employers.hasActiveAgreement(manager, programme.planId, employment.employerId, employment.startDate)
      : false;
    return {
      phase: programme.phase,
      hasGuardianParticipationConsent,
      hasClarificationConversation: kinds.some((k) => k.kind === 'clarification'),
      hasEvaluationConversation: kinds.some((k) => k.kind === 'evaluation'),
      acceptedMatch: accepted ? { employerId: accepted.employerId } : undefined,
      employment: employment
        ? {
            employerId: employment.employerId,
            contractSignedByYouthAt: employment.contractSignedByYouthAt,
            contractSignedByGuardianAt: employment.contractSignedByGuardianAt,
            startDate: employment.startDate,
            endDate: employment.endDate,
          }
        : undefined,
      employerAgreementActive,
      today: todayInPlanZone(),
      request,
      requestedEmployerInPlan: await this.employerInPlan(manager, programme.planId, request.employerId),
    };
  }
}
