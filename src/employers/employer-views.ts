import { isAgreementActive } from './agreement-rules';
import type { AgreementResponse, EmployerResponse } from './dto/employer-response.dto';
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
