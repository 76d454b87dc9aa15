import { PLAN_ROLES, type PlanRole, type Role } from '../access/roles';
import type { OrganisationKind } from '../plans/entities/organisation.entity';
import { roleChangeProblems, roleOrganisationProblems } from '../users/user-rules';
import type { SsoMembership } from './sso-provider-config';
import type { SsoProblem } from './sso-problems';

/**
 * Who a single sign-on lets in, and as what (issue 9). The provider proves who the person is; these
 * rules decide what they may be here. A person gets exactly the one role the provider maps them to,
 * never a default; plan membership comes from an invitation or the provider's mapping; an account
 * is never linked by e-mail (an e-mail address can be re-issued to someone else, the issuer's
 * subject cannot).
 */
export type Refused<C extends SsoProblem = SsoProblem> = { refused: C };

export const isRefused = (decision: object): decision is Refused => 'refused' in decision;

/** The one role the provider's mapped roles give; none or two different ones is a refusal. */
export function chooseRole(mapped: readonly Role[]): { role: PlanRole } | Refused<'sso_no_role' | 'sso_ambiguous_role'> {
  // The providers file maps only to a plan's roles (sso-providers-file.ts); the platform admin is never given by a provider.
  const distinct = [...new Set(mapped.filter((role): role is PlanRole => (PLAN_ROLES as readonly Role[]).includes(role)))];
  if (distinct.length === 0) return { refused: 'sso_no_role' };
  if (distinct.length > 1) return { refused: 'sso_ambiguous_role' };
  return { role: distinct[0] };
}

/**
 * A linked account signs in again: a deactivated one never; roles are re-read at every sign-in, so
 * a role the provider changed is applied here, unless it would turn municipal staff into the plan's
 * own or the reverse (roleChangeProblems), which needs a new account rather than a changed one.
 */
export function linkedAccountDecision(account: { role: Role; active: boolean }, chosen: ReturnType<typeof chooseRole>): { role: PlanRole; changed: boolean } | Refused {
  if (!account.active) return { refused: 'sso_account_inactive' };
  if (isRefused(chosen)) return chosen;
  if (account.role === 'admin' || roleChangeProblems(account.role, chosen.role).length > 0) return { refused: 'sso_role_conflict' };
  return { role: chosen.role, changed: account.role !== chosen.role };
}

/** How a person not yet linked joins: their invitation first, else the provider's membership mapping. */
export function joiningRoute(input: { invited: boolean; membership?: SsoMembership }): { via: 'invitation' | 'membership' } | Refused<'sso_no_plan'> {
  if (input.invited) return { via: 'invitation' };
  if (input.membership) return { via: 'membership' };
  return { refused: 'sso_no_plan' };
}

/**
 * Whether a new account can be made for the person (by invitation or just in time): the role must
 * fit the organisation, the account needs an e-mail, and an e-mail that already has an account is
 * refused rather than linked.
 */
export function newAccountProblem(input: { role: PlanRole; organisationKind: OrganisationKind | undefined; email: string | undefined; emailTaken: boolean }): SsoProblem | undefined {
  if (roleOrganisationProblems(input.role, input.organisationKind).length > 0) return 'sso_role_conflict';
  if (!input.email) return 'sso_profile_incomplete';
  if (input.emailTaken) return 'sso_account_exists';
  return undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The provider's e-mail, if it is one, compared as the users table does (lower case). */
export function usableEmail(value: string | undefined): string | undefined {
  const email = value?.trim().toLowerCase();
  return email && email.length <= 254 && EMAIL.test(email) ? email : undefined;
}
