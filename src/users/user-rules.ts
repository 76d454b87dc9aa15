import type { PlanRole } from '../access/roles';
import type { ProblemItem } from '../common/domain-errors';
import type { OrganisationKind } from '../plans/entities/organisation.entity';

/**
 * Who a plan's user can be. A caseworker is municipal authority staff (jobcenter, children's
 * services) and sees residents only through their consent; the boligsocial roles (leader,
 * counsellor, social worker) are the plan's own staff and see case data by role. The two must
 * never turn into each other: a caseworker made counsellor would read every case note, and a
 * counsellor made caseworker would carry plan-wide access into the municipality.
 */
export const BOLIGSOCIAL_ROLES: readonly PlanRole[] = ['leader', 'counsellor', 'social_worker'];

const isMunicipal = (role: PlanRole) => role === 'caseworker';

/** Problems with a user of `role` belonging to an organisation of `kind` (undefined: no organisation). */
export function roleOrganisationProblems(role: PlanRole, kind: OrganisationKind | undefined): ProblemItem[] {
  if (isMunicipal(role)) {
    if (!kind) {
      return [{ field: 'organisationId', rule: 'caseworker_organisation', message: 'a caseworker must belong to a municipal organisation: consent is given to organisations' }];
    }
    if (kind !== 'municipal') {
      return [{ field: 'organisationId', rule: 'caseworker_organisation', message: 'a caseworker belongs to a municipal organisation (jobcenter, children\'s services, ...)' }];
    }
    return [];
  }
  if (kind === 'municipal') {
    return [{ field: 'organisationId', rule: 'boligsocial_organisation', message: `a ${role} is staff of the plan, not of a municipal organisation; municipal staff are caseworkers` }];
  }
  return [];
}

/** Problems with changing a user's role from `from` to `to`. */
export function roleChangeProblems(from: PlanRole, to: PlanRole): ProblemItem[] {
  if (from === to || isMunicipal(from) === isMunicipal(to)) return [];
  return [
    {
      field: 'role',
      rule: 'role_across_organisations',
      message: isMunicipal(from)
        ? 'a caseworker (municipal staff) cannot become a boligsocial role; invite the person as the plan\'s own staff instead'
        : 'the plan\'s own staff cannot become a caseworker (municipal staff); invite the caseworker with their municipal organisation instead',
    },
  ];
}
