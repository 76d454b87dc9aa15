import type { GuardianResponse, ResidentResponse } from './dto/resident-response.dto';
import type { Guardian } from './guardian.entity';
import type { Resident } from './resident.entity';

export function residentView(r: Resident): ResidentResponse {
  const base = {
    id: r.id,
    planId: r.planId,
    housingAreaId: r.housingAreaId,
    compartment: r.compartment,
    anonymous: r.anonymous,
    birthYear: r.birthYear,
    gender: r.gender,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
  if (r.anonymous) return { ...base, pseudonym: r.pseudonym };
  return { ...base, firstName: r.firstName, lastName: r.lastName, birthDate: r.birthDate, phone: r.phone, email: r.email };
}

/** How a person is named next to their id in other lists: the name, or the pseudonym of an anonymous resident. */
export function residentDisplayName(r: Pick<Resident, 'anonymous' | 'pseudonym' | 'firstName' | 'lastName'>): string {
  if (r.anonymous) return r.pseudonym ?? '';
  return [r.firstName, r.lastName].filter(Boolean).join(' ');
}

export const guardianView = (g: Guardian): GuardianResponse => ({ id: g.id, residentId: g.residentId, name: g.name, relation: g.relation, phone: g.phone, email: g.email });
