import type { Guardian } from './guardian.entity';
import type { Resident } from './resident.entity';

export function residentView(r: Resident) {
  const base = {
    id: r.id,
    planId: r.planId,
    housingAreaId: r.housingAreaId,
    compartment: r.compartment,
    anonymous: r.anonymous,
    birthYear: r.birthYear,
    gender: r.gender,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
  if (r.anonymous) return { ...base, pseudonym: r.pseudonym };
  return { ...base, firstName: r.firstName, lastName: r.lastName, birthDate: r.birthDate, phone: r.phone, email: r.email };
}

export const guardianView = (g: Guardian) => ({ id: g.id, residentId: g.residentId, name: g.name, relation: g.relation, phone: g.phone, email: g.email });
