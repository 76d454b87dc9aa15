import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ActivityResidentData } from '../activities/activity-resident-data';
import { ConsentResidentData } from '../consents/consent-resident-data';
import { CounsellingResidentData } from '../counselling/counselling-resident-data';
import { IdempotencyKeysRepository } from '../idempotency/idempotency-keys.repository';
import { InternshipResidentData } from '../internships/internship-resident-data';
import { JobcentreResidentData } from '../jobcentre/jobcentre-resident-data';
import { SmallJobResidentData } from '../small-jobs/small-job-resident-data';
import { OutreachResidentData } from '../outreach/outreach-resident-data';
import { ProgrammeResidentData } from '../job-programmes/programme-resident-data';
import type { ErasureReason } from '../residents/erasure-reasons';
import type { ResidentDataPart } from '../residents/resident-data-part';
import { ResidentRecordData, type ErasedResident } from '../residents/resident-record-data';

/**
 * Erasure (GDPR Art. 17) of any number of residents at once, in the caller's transaction: the
 * resident record first (only residents not erased before go on), then each module's part.
 * Shared by the request of one resident and the retention job's batches.
 */
@Injectable()
export class ResidentErasure {
  readonly parts: ResidentDataPart<unknown>[];

  constructor(
    readonly record: ResidentRecordData,
    counselling: CounsellingResidentData,
    programmes: ProgrammeResidentData,
    consents: ConsentResidentData,
    internships: InternshipResidentData,
    activities: ActivityResidentData,
    jobcentre: JobcentreResidentData,
    smallJobs: SmallJobResidentData,
    outreach: OutreachResidentData,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
  ) {
    this.parts = [counselling, programmes, consents, internships, activities, jobcentre, smallJobs, outreach];
  }

  async erase(manager: EntityManager, residentIds: readonly string[], reason: ErasureReason): Promise<ErasedResident[]> {
    const erased = await this.record.anonymise(manager, residentIds, reason);
    const ids = erased.map((e) => e.id);
    if (ids.length === 0) return erased;
    for (const part of this.parts) await part.erase(manager, ids);
    await this.idempotencyKeys.forgetAnswersAbout(manager, ids);
    return erased;
  }
}
