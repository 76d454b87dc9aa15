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

/**
 * Which side of the plan a role is on: the plan's own staff, the municipality's caseworkers, or a
 * partner organisation's volunteers (issue 23). A role never changes across sides: a volunteer
 * made counsellor would go from no resident data to every case note in one step, so the person is
 * invited again in the new role instead.
 */
type Side = 'boligsocial' | 'municipal' | 'volunteer';
const sideOf = (role: PlanRole): Side => (isMunicipal(role) ? 'municipal' : role === 'volunteer' ? 'volunteer' : 'boligsocial');

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
  if (role === 'volunteer' && !kind) {
    return [{ field: 'organisationId', rule: 'volunteer_organisation', message: 'a volunteer belongs to a partner organisation of the plan (e.g. the NGO whose volunteers they are)' }];
  }
  if (kind === 'municipal') {
    return [{ field: 'organisationId', rule: 'boligsocial_organisation', message: `a ${role} is not staff of a municipal organisation; municipal staff are caseworkers` }];
  }
  return [];
}

/** Problems with changing a user's role from `from` to `to`. */
export function roleChangeProblems(from: PlanRole, to: PlanRole): ProblemItem[] {
  if (from === to || sideOf(from) === sideOf(to)) return [];
  return [{ field: 'role', rule: 'role_across_organisations', message: acrossMessage(sideOf(from), sideOf(to)) }];
}

function acrossMessage(from: Side, to: Side): string {
  if (from === 'volunteer') return 'a volunteer cannot become staff or a caseworker; invite the person in the new role instead';
  if (to === 'volunteer') return 'staff and caseworkers cannot become volunteers; invite the volunteer with their partner organisation instead';
  return from === 'municipal'
    ? 'a caseworker (municipal staff) cannot become a boligsocial role; invite the person as the plan\'s own staff instead'
    : 'the plan\'s own staff cannot become a caseworker (municipal staff); invite the caseworker with their municipal organisation instead';
}
