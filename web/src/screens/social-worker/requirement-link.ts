import { requirement, type RequirementRule } from '../../text/social-worker';

/** Where on the youth's page the action that meets a requirement is: the section with its form. */
const ANCHOR: Record<RequirementRule, string> = {
  guardian_participation_consent: 'samtykke',
  clarification_conversation: 'samtaler',
  evaluation_conversation: 'samtaler',
  match_accepted: 'match',
  employment_recorded: 'ansaettelse',
  employment_at_accepted_employer: 'ansaettelse',
  contract_signed_by_youth: 'ansaettelse',
  contract_signed_by_guardian: 'ansaettelse',
  employer_agreement_active: 'ansaettelse',
  employment_started: 'ansaettelse',
  ordinary_job_named: 'naeste-skridt',
  other: 'naeste-skridt',
};

export const ruleOf = (rule: string): RequirementRule => (rule in requirement ? (rule as RequirementRule) : 'other');

/** The requirement in words, and the link (an anchor on the youth's page) to the action that meets it. */
export function requirementAction(programmeId: string, rule: string): { need: string; action: string; href: string; anchor: string } {
  const known = ruleOf(rule);
  const anchor = ANCHOR[known];
  return { ...requirement[known], anchor, href: `/forloeb/${programmeId}#${anchor}` };
}
