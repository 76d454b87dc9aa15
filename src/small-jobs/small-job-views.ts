import type { SmallJobDetails, SmallJobResponse } from './dto/small-job-response.dto';
import type { SmallJob } from './entities/small-job.entity';

export const smallJobView = (j: SmallJob): SmallJobResponse => ({
  id: j.id,
  residentId: j.residentId,
  employerId: j.employerId,
  startsOn: j.startsOn,
  hoursPerWeek: j.hoursPerWeek,
  ageGroup: j.ageGroup,
  running: j.endedOn === null,
  endedOn: j.endedOn,
  outcome: j.outcome,
  version: j.version,
  createdAt: j.createdAt,
});

export function smallJobDetails(j: SmallJob, names: { residents: ReadonlyMap<string, string>; employers: ReadonlyMap<string, string> }): SmallJobDetails {
  return { ...smallJobView(j), residentName: names.residents.get(j.residentId) ?? '', employerName: names.employers.get(j.employerId) ?? null };
}
