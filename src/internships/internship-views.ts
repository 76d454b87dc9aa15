import type { InternshipDetails, InternshipResponse } from './dto/internship-response.dto';
import type { Internship } from './entities/internship.entity';

export const internshipView = (i: Internship): InternshipResponse => ({
  id: i.id,
  residentId: i.residentId,
  employerId: i.employerId,
  startsOn: i.startsOn,
  endsOn: i.endsOn,
  hoursPerWeek: i.hoursPerWeek,
  referredFrom: i.referredFrom,
  running: i.endedOn === null,
  endedOn: i.endedOn,
  outcome: i.outcome,
  version: i.version,
  createdAt: i.createdAt,
});

export function internshipDetails(i: Internship, names: { residents: ReadonlyMap<string, string>; employers: ReadonlyMap<string, string> }): InternshipDetails {
  return { ...internshipView(i), residentName: names.residents.get(i.residentId) ?? '', employerName: names.employers.get(i.employerId) ?? null };
}
