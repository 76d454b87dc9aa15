/**
 * Where the plan stands with an employer (001 Ishøj: "Opsøger og etablerer samarbejder med
 * virksomheder"; mapping new workplaces): a workplace found is a `prospect`, one the staff have
 * been in touch with is `contacted`, one with a cooperation agreement or in the network is
 * `cooperating`, and one the plan no longer works with is `inactive`. Staff may set any status by
 * PATCH; two events move it on their own, so the register keeps up without anyone remembering to.
 */
export const EMPLOYER_STATUSES = ['prospect', 'contacted', 'cooperating', 'inactive'] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];

/** Logging a contact (visit, call, mail, meeting) with a prospect makes it contacted; other statuses stay. */
export function statusAfterContact(status: EmployerStatus): EmployerStatus {
  return status === 'prospect' ? 'contacted' : status;
}

/** A signed cooperation agreement means the plan cooperates with the employer, whatever it was before. */
export function statusAfterAgreement(_status: EmployerStatus): EmployerStatus {
  return 'cooperating';
}
