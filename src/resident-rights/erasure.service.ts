import { Injectable } from '@nestjs/common';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { ProgrammeResidentData } from '../job-programmes/programme-resident-data';
import { ResidentsRepository } from '../residents/residents.repository';
import { RIGHTS_PURPOSE } from './access-log.service';
import type { EraseResidentDto } from './dto/resident-rights.dto';
import type { ErasureResponse } from './dto/resident-rights-response.dto';
import { ResidentErasure } from './resident-erasure';
import type { ResidentRightsProblem } from './resident-rights-problems';

/**
 * A resident's erasure on request (GDPR Art. 17), by the owning compartment's role. Erasing a
 * resident who is already erased answers the same again and changes nothing.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly residents: ResidentsRepository,
    private readonly programmes: ProgrammeResidentData,
    private readonly erasure: ResidentErasure,
    private readonly audit: AuditWriter,
  ) {}

  async erase(actor: PlanActor, residentId: string, dto: EraseResidentDto): Promise<ErasureResponse> {
    return this.uow.run(async (manager) => {
      // Locked first, judged after (ResidentsRepository.holdAgainstErasure): a programme cannot
      // start, nor anything be written about the resident, while they are erased.
      const resident = await this.residents.lockWritable(manager, actor, residentId);
      if (resident.erasedAt) return { id: resident.id, anonymous: true, pseudonym: resident.pseudonym as string };
      if (await this.programmes.hasRunningProgramme(manager, residentId)) {
        throw new Conflict('The youth\'s leisure-job programme is still running; end it before erasing their data', {
          code: 'programme_running' satisfies ResidentRightsProblem,
        });
      }
      const [erased] = await this.erasure.erase(manager, [residentId], dto.reason);
      await this.audit.record(actor, { action: 'resident.erased', purpose: RIGHTS_PURPOSE, residentId, entityType: 'resident', entityId: residentId }, manager);
      return { id: erased.id, anonymous: true, pseudonym: erased.pseudonym };
    });
  }
}
