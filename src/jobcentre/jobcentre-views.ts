import type { JobcentreEnrolmentResponse } from './dto/jobcentre-response.dto';
import type { JobcentreEnrolment, JobcentreQuarter } from './entities/jobcentre-enrolment.entity';
import { quarterName, quarterOfDate } from './jobcentre-rules';

export function enrolmentView(e: JobcentreEnrolment, residentName: string, quarters: readonly JobcentreQuarter[]): JobcentreEnrolmentResponse {
  return {
    id: e.id,
    residentId: e.residentId,
    residentName,
    effort: e.effort,
    targetGroup: e.targetGroup,
    criteriaMet: e.criteriaMet,
    startedOn: e.startedOn,
    running: e.endedOn === null,
    endedOn: e.endedOn,
    endReason: e.endReason,
    quarters: quarters.map((q) => ({ quarter: quarterName(quarterOfDate(q.quarterStart)), active: q.active })),
    version: e.version,
    createdAt: e.createdAt,
  };
}
