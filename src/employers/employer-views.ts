import { isAgreementActive } from './agreement-rules';
import type { AgreementResponse, EmployerResponse } from './dto/employer-response.dto';
import type { EmployerContactResponse, CsrAwardResponse, NetworkMembershipResponse } from './dto/register-response.dto';
import type { CsrAward } from './entities/csr-award.entity';
import type { EmployerContact } from './entities/employer-contact.entity';
import type { NetworkMembership } from './entities/network-membership.entity';
import { isMemberOn } from './network-rules';
import type { EmployerAgreement } from './entities/employer-agreement.entity';
import type { Employer } from './entities/employer.entity';

export const employerView = (e: Employer): EmployerResponse => ({
  id: e.id,
  name: e.name,
  cvr: e.cvr,
  sector: e.sector,
  address: e.address,
  contactName: e.contactName,
  contactPhone: e.contactPhone,
  contactEmail: e.contactEmail,
  status: e.status,
  version: e.version,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

/** `active`: whether the agreement covers `today` (the plan's calendar day). */
export const agreementView = (a: EmployerAgreement, today: string): AgreementResponse => ({
  id: a.id,
  employerId: a.employerId,
  signedAt: a.signedAt,
  validFrom: a.validFrom,
  validTo: a.validTo,
  capacity: a.capacity,
  active: isAgreementActive(a, today),
  recordedBy: a.recordedBy,
  createdAt: a.createdAt,
});

export const contactView = (c: EmployerContact, staffName: string | null): EmployerContactResponse => ({
  id: c.id,
  employerId: c.employerId,
  at: c.at,
  kind: c.kind,
  note: c.note,
  recordedBy: c.recordedBy,
  recordedByName: staffName,
  createdAt: c.createdAt,
});

/** `current`: whether the membership covers `today` (the plan's calendar day). */
export const membershipView = (m: NetworkMembership, today: string): NetworkMembershipResponse => ({
  id: m.id,
  employerId: m.employerId,
  from: m.validFrom,
  to: m.validTo,
  current: isMemberOn(m, today),
  recordedBy: m.recordedBy,
  createdAt: m.createdAt,
});

/** The winner is always among the nominees, first. */
export const awardView = (a: CsrAward, names: ReadonlyMap<string, string>): CsrAwardResponse => {
  const nominees = [a.employerId, ...a.nomineeIds.filter((id) => id !== a.employerId)];
  return {
    id: a.id,
    year: a.year,
    employerId: a.employerId,
    employerName: names.get(a.employerId) ?? '',
    nominees,
    nomineeNames: nominees.map((id) => names.get(id) ?? ''),
    reason: a.reason,
    recordedBy: a.recordedBy,
    createdAt: a.createdAt,
  };
};
