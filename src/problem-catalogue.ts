import { ACTIVITIES_PROBLEMS } from './activities/activities-problems';
import { AUTH_PROBLEMS } from './auth/auth-problems';
import { COMMON_PROBLEMS } from './common/common-problems';
import { CONSENTS_PROBLEMS } from './consents/consents-problems';
import { COUNSELLING_PROBLEMS } from './counselling/counselling-problems';
import { EMPLOYERS_PROBLEMS } from './employers/employers-problems';
import { INTERNSHIPS_PROBLEMS } from './internships/internships-problems';
import { INDICATORS_PROBLEMS } from './indicators/indicators-problems';
import { JOBCENTRE_PROBLEMS } from './jobcentre/jobcentre-problems';
import { JOB_PROGRAMMES_PROBLEMS } from './job-programmes/job-programmes-problems';
import { PLANS_PROBLEMS } from './plans/plans-problems';
import { RESIDENTS_PROBLEMS } from './residents/residents-problems';
import { RESIDENT_RIGHTS_PROBLEMS } from './resident-rights/resident-rights-problems';
import { SAML_PROBLEMS } from './sso/saml/saml-problems';
import { SSO_PROBLEMS } from './sso/sso-problems';
import { SMALL_JOBS_PROBLEMS } from './small-jobs/small-jobs-problems';
import { OUTREACH_PROBLEMS } from './outreach/outreach-problems';
import { SCHOOL_HOLIDAYS_PROBLEMS } from './school-holidays/school-holidays-problems';
import { STATISTICS_PROBLEMS } from './statistics/statistics-problems';
import { USERS_PROBLEMS } from './users/users-problems';
import { VOLUNTEERS_PROBLEMS } from './volunteers/volunteers-problems';

import type { ProblemCode } from './common/problem-code';

/**
 * What each problem `code` means, joined from the modules' own catalogues at the top of the
 * application (next to the app module), for the OpenAPI document and the generated web client.
 * `satisfies` makes a module that registers codes (src/common/problem-code.ts) without being
 * joined here fail to compile. A module's entry for a shared code (stale_version) says it in that
 * module's words; the common wording comes last and stands.
 */
export const PROBLEM_CATALOGUE = {
  ...AUTH_PROBLEMS,
  ...SSO_PROBLEMS,
  ...SAML_PROBLEMS,
  ...USERS_PROBLEMS,
  ...PLANS_PROBLEMS,
  ...RESIDENTS_PROBLEMS,
  ...RESIDENT_RIGHTS_PROBLEMS,
  ...CONSENTS_PROBLEMS,
  ...COUNSELLING_PROBLEMS,
  ...EMPLOYERS_PROBLEMS,
  ...JOB_PROGRAMMES_PROBLEMS,
  ...INTERNSHIPS_PROBLEMS,
  ...JOBCENTRE_PROBLEMS,
  ...SMALL_JOBS_PROBLEMS,
  ...OUTREACH_PROBLEMS,
  ...ACTIVITIES_PROBLEMS,
  ...SCHOOL_HOLIDAYS_PROBLEMS,
  ...STATISTICS_PROBLEMS,
  ...INDICATORS_PROBLEMS,
  ...VOLUNTEERS_PROBLEMS,
  ...COMMON_PROBLEMS,
} as const satisfies Record<ProblemCode, string>;
