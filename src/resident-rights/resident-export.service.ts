import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { ActivityResidentData, type ActivitySection } from '../activities/activity-resident-data';
import { AuditWriter } from '../audit/audit-writer';
import { ConsentResidentData, type ConsentSection } from '../consents/consent-resident-data';
import { CounsellingResidentData, type CounsellingSection } from '../counselling/counselling-resident-data';
import { InternshipResidentData, type InternshipSection } from '../internships/internship-resident-data';
import { JobcentreResidentData, type JobcentreSection } from '../jobcentre/jobcentre-resident-data';
import { SmallJobResidentData, type SmallJobSection } from '../small-jobs/small-job-resident-data';
import { OutreachResidentData, type OutreachSection } from '../outreach/outreach-resident-data';
import { ProgrammeResidentData, type ProgrammeSection } from '../job-programmes/programme-resident-data';
import { PlansService } from '../plans/plans.service';
import { ResidentRecordData, type ResidentRecordSection } from '../residents/resident-record-data';
import type { Resident } from '../residents/resident.entity';
import { ResidentsRepository } from '../residents/residents.repository';
import { AccessLogService, RIGHTS_PURPOSE } from './access-log.service';
import { addLabels } from './document-labels';
import type { AccessLogEntry } from './dto/resident-rights-response.dto';

/** Everything held about one resident but the access log, read as one consistent snapshot. */
export type ResidentHoldings = { exportedAt: string } & ResidentRecordSection & ConsentSection & CounsellingSection & ProgrammeSection & InternshipSection & ActivitySection & JobcentreSection & SmallJobSection & OutreachSection;

export interface ResidentCopy {
  planName: string;
  resident: Resident;
  holdings: ResidentHoldings;
  /** The access log, newest first, a page at a time: it can be long (every list a resident appeared in). */
  accessLog: AsyncIterable<AccessLogEntry[]>;
}

/**
 * A resident's copy of their data (GDPR Art. 15), for the owning compartment's role. The export
 * is audited before anything is read. The sections come from one REPEATABLE READ snapshot, so a
 * contact logged meanwhile is either wholly in the copy or not at all; the access log follows.
 */
@Injectable()
export class ResidentExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly residents: ResidentsRepository,
    private readonly record: ResidentRecordData,
    private readonly consents: ConsentResidentData,
    private readonly counselling: CounsellingResidentData,
    private readonly programmes: ProgrammeResidentData,
    private readonly internships: InternshipResidentData,
    private readonly activities: ActivityResidentData,
    private readonly jobcentre: JobcentreResidentData,
    private readonly smallJobs: SmallJobResidentData,
    private readonly outreach: OutreachResidentData,
    private readonly accessLog: AccessLogService,
    private readonly plans: PlansService,
    private readonly audit: AuditWriter,
  ) {}

  async copyFor(actor: PlanActor, residentId: string): Promise<ResidentCopy> {
    const resident = await this.residents.owned(this.dataSource.manager, actor, residentId);
    await this.audit.record(actor, { action: 'resident.exported', purpose: RIGHTS_PURPOSE, residentId, entityType: 'resident', entityId: residentId });
    const holdings = await this.dataSource.transaction('REPEATABLE READ', async (manager): Promise<ResidentHoldings> => ({
      exportedAt: new Date().toISOString(),
      ...(await this.record.sectionOf(manager, actor.planId, residentId)),
      ...(await this.consents.sectionOf(manager, actor.planId, residentId)),
      ...(await this.counselling.sectionOf(manager, actor.planId, residentId)),
      ...(await this.programmes.sectionOf(manager, actor.planId, residentId)),
      ...(await this.internships.sectionOf(manager, actor.planId, residentId)),
      ...(await this.activities.sectionOf(manager, actor.planId, residentId)),
      ...(await this.jobcentre.sectionOf(manager, actor.planId, residentId)),
      ...(await this.smallJobs.sectionOf(manager, actor.planId, residentId)),
      ...(await this.outreach.sectionOf(manager, actor.planId, residentId)),
    }));
    addLabels(holdings);
    const plan = await this.plans.getPlan(actor.planId);
    return { planName: plan.name, resident, holdings, accessLog: this.accessLog.wholeLog(actor.planId, residentId) };
  }
}

/** The copy as one JSON document, written a piece at a time: the access log is never held whole. */
export async function* exportJson(copy: ResidentCopy): AsyncGenerator<string> {
  const { holdings } = copy;
  const head = {
    exportedAt: holdings.exportedAt,
    resident: holdings.resident,
    guardians: holdings.guardians,
    consents: holdings.consents,
    counsellingCases: holdings.counsellingCases,
    jobProgrammes: holdings.jobProgrammes,
    internships: holdings.internships,
    activities: holdings.activities,
    jobcentreEnrolments: holdings.jobcentreEnrolments,
    smallJobs: holdings.smallJobs,
    outreach: holdings.outreach,
  };
  yield `${JSON.stringify(head).slice(0, -1)},"accessLog":[`;
  let first = true;
  for await (const page of copy.accessLog) {
    if (page.length === 0) continue;
    yield (first ? '' : ',') + page.map((entry) => JSON.stringify(entry)).join(',');
    first = false;
  }
  yield ']}';
}
