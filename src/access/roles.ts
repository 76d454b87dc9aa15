export const ROLES = ['admin', 'leader', 'counsellor', 'social_worker', 'caseworker'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a plan's users can have; `admin` is the platform's and belongs to no plan. */
export const PLAN_ROLES = ['leader', 'counsellor', 'social_worker', 'caseworker'] as const;
export type PlanRole = (typeof PLAN_ROLES)[number];

/** A resident record belongs to the compartment of the role that registered it (domain.md "Consent and access"). */
export const COMPARTMENTS = ['counselling', 'job_programmes', 'jobcentre'] as const;
export type Compartment = (typeof COMPARTMENTS)[number];

const OWNED_COMPARTMENT: Partial<Record<Role, Compartment>> = {
  counsellor: 'counselling',
  social_worker: 'job_programmes',
  // The job centre's own caseload in the area (issue 23; 002_* Varde, 004_* Sønderborg): people the
  // job centre knows and the boligsocial staff join only with the person's consent.
  caseworker: 'jobcentre',
};

export function compartmentOwnedBy(role: Role): Compartment | undefined {
  return OWNED_COMPARTMENT[role];
}
