import type { ProblemItem } from '../common/domain-errors';

/** Why the consent ledger refuses a request: code → when it is answered. `errors` lists every unmet rule. */
export const CONSENTS_PROBLEMS = {
  guardian_consent_required: 'The resident is under the plan\'s age for consenting alone: only a registered guardian can give it',
  guardian_invalid: 'guardianId is missing, not one of the resident\'s registered guardians, or given for a consent the resident gives',
  recipients_invalid: 'The recipients are missing, or not organisations of your plan, or given for a participation consent',
  scope_invalid: 'The scope does not belong to the resident\'s records, or notes are shared outside counselling',
  consent_time_invalid: 'givenAt is in the future, or expiresAt is not after givenAt',
  consent_already_withdrawn: 'The consent is already withdrawn',
  consent_already_expired: 'The consent has already expired',
  withdrawal_time_out_of_range: 'withdrawnAt is in the future or before the consent was given',
} as const;

export type ConsentsProblem = keyof typeof CONSENTS_PROBLEMS;

/** consent-rules.ts's rules, by the code a client acts on; the first in this order names the refusal. */
const CODE_OF_RULE: [string, ConsentsProblem][] = [
  ['guardian_consent_for_minor', 'guardian_consent_required'],
  ['guardian_named', 'guardian_invalid'],
  ['registered_guardian', 'guardian_invalid'],
  ['guardian_only_for_guardian', 'guardian_invalid'],
  ['scope_matches_compartment', 'scope_invalid'],
  ['notes_only_for_counselling', 'scope_invalid'],
  ['recipients_named', 'recipients_invalid'],
  ['organisation_in_plan', 'recipients_invalid'],
  ['no_recipients', 'recipients_invalid'],
  ['not_in_future', 'consent_time_invalid'],
  ['expires_after_given', 'consent_time_invalid'],
];

export function consentRefusalCode(problems: ProblemItem[]): ConsentsProblem {
  const rules = new Set(problems.map((p) => p.rule));
  return CODE_OF_RULE.find(([rule]) => rules.has(rule))?.[1] ?? 'consent_time_invalid';
}

declare module '../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof CONSENTS_PROBLEMS, true> {}
}
