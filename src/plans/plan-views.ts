import type { HousingAreaResponse, OrganisationResponse, PlanResponse } from './dto/plan-response.dto';
import type { HousingArea } from './entities/housing-area.entity';
import type { Organisation } from './entities/organisation.entity';
import type { Plan } from './entities/plan.entity';

export const planView = (p: Plan): PlanResponse => ({
  id: p.id,
  name: p.name,
  municipality: p.municipality,
  validFrom: p.validFrom,
  validTo: p.validTo,
  guardianConsentBelowAge: p.guardianConsentBelowAge,
  version: p.version,
  createdAt: p.createdAt,
});

export const housingAreaView = (a: HousingArea): HousingAreaResponse => ({
  id: a.id,
  planId: a.planId,
  name: a.name,
  jobProgrammeEligible: a.jobProgrammeEligible,
  version: a.version,
});

export const organisationView = (o: Organisation): OrganisationResponse => ({ id: o.id, planId: o.planId, name: o.name, kind: o.kind, version: o.version });
