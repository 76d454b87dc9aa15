/**
 * THE phase machine of the leisure-job programme (fritidsjobforløb), domain.md "The leisure-job
 * programme": which phase may follow which, and what must be true to leave a phase. Guards are
 * pure functions over the facts the service gathers; each returns every requirement it finds
 * unmet, in words a social worker understands, so a refused change lists all that is missing.
 */

export const PHASES = ['clarification', 'matching', 'employment', 'evaluation', 'ordinary_job', 'ended'] as const;
export type Phase = (typeof PHASES)[number];

/** The phases a programme can be moved to (a programme always starts in clarification). */
export const TARGET_PHASES = ['matching', 'employment', 'evaluation', 'ordinary_job', 'ended'] as const;
export type TargetPhase = (typeof TARGET_PHASES)[number];

/** Finished programmes: an ordinary job (the success measure) or ended early. */
export const FINAL_PHASES: readonly Phase[] = ['ordinary_job', 'ended'];

export interface EmploymentFacts {
  employerId: string;
  contractSignedByYouthAt: string | null;
  contractSignedByGuardianAt: string | null;
  startDate: string;
  endDate: string;
}

export interface TransitionRequest {
  reason?: string;
  employerId?: string;
  startedAt?: string;
}

/** What the guards look at; gathered by the service inside the transition's transaction. */
export interface ProgrammeFacts {
  phase: Phase;
  hasGuardianParticipationConsent: boolean;
  hasClarificationConversation: boolean;
  acceptedMatch?: { employerId: string };
  employment?: EmploymentFacts;
  /** Whether the employment's employer has an active agreement on the employment's start date. */
  employerAgreementActive: boolean;
  /** Today in the plan's time zone, YYYY-MM-DD. */
  today: string;
  hasEvaluationConversation: boolean;
  request: TransitionRequest;
  /** For ordinary_job: whether request.employerId is an employer of the plan (undefined when not asked). */
  requestedEmployerInPlan?: boolean;
}

export interface UnmetRequirement {
  rule: string;
  message: string;
}

/** A named guard: checks one requirement and says what is missing, or nothing when it is met. */
interface Guard {
  rule: string;
  unmet: (facts: ProgrammeFacts) => string[];
}

const guard = (rule: string, unmet: (facts: ProgrammeFacts) => string | string[] | null): Guard => ({
  rule,
  unmet: (facts) => {
    const found = unmet(facts);
    return found === null ? [] : ([] as string[]).concat(found);
  },
});

const guardianConsented = guard('guardian_participation_consent', (f) =>
  f.hasGuardianParticipationConsent ? null : 'a guardian has not consented to the programme (job_programme_participation, given by a guardian)',
);

const clarificationConversationRecorded = guard('clarification_conversation', (f) =>
  f.hasClarificationConversation ? null : 'no clarification conversation is recorded',
);

const matchAccepted = guard('match_accepted', (f) => (f.acceptedMatch ? null : 'no match is accepted'));

const employmentRecorded = guard('employment_recorded', (f) =>
  f.employment ? null : 'no employment is recorded (employer, contract signatures, dates and hours)',
);

const employmentAtAcceptedEmployer = guard('employment_at_accepted_employer', (f) =>
  f.employment && f.acceptedMatch && f.employment.employerId !== f.acceptedMatch.employerId
    ? "the employment is not with the accepted match's employer"
    : null,
);

const contractSignedByYouth = guard('contract_signed_by_youth', (f) =>
  f.employment && !f.employment.contractSignedByYouthAt ? 'the employment contract is not signed by the youth' : null,
);

const contractSignedByGuardian = guard('contract_signed_by_guardian', (f) =>
  f.employment && !f.employment.contractSignedByGuardianAt ? 'the employment contract is not signed by a guardian' : null,
);

const employerAgreementActive = guard('employer_agreement_active', (f) =>
  f.employment && !f.employerAgreementActive
    ? `the employer has no active cooperation agreement (samarbejdsaftale) on the employment's start date (${f.employment.startDate})`
    : null,
);

const employmentStarted = guard('employment_started', (f) => {
  if (!f.employment) return 'no employment is recorded';
  return f.employment.startDate <= f.today ? null : `the employment has not started yet (starts ${f.employment.startDate})`;
});

const evaluationConversationRecorded = guard('evaluation_conversation', (f) =>
  f.hasEvaluationConversation ? null : 'no evaluation conversation is recorded',
);

const ordinaryJobNamed = guard('ordinary_job_named', (f) => {
  if (!f.request.employerId || !f.request.startedAt) return 'an ordinary job needs employerId and startedAt';
  return f.requestedEmployerInPlan === false ? "the ordinary job's employer is not an employer of your plan" : null;
});

const endReasonGiven = guard('end_reason', (f) => (f.request.reason?.trim() ? null : 'ending a programme needs a reason'));

/** From each phase: the phases it may move to, and the guards that must all pass. */
const TRANSITIONS: Record<Phase, Partial<Record<Phase, Guard[]>>> = {
  clarification: {
    matching: [guardianConsented, clarificationConversationRecorded],
    ended: [endReasonGiven],
  },
  matching: {
    employment: [matchAccepted, employmentRecorded, employmentAtAcceptedEmployer, contractSignedByYouth, contractSignedByGuardian, employerAgreementActive],
    ended: [endReasonGiven],
  },
  employment: {
    evaluation: [employmentStarted],
    ended: [endReasonGiven],
  },
  evaluation: {
    ordinary_job: [evaluationConversationRecorded, ordinaryJobNamed],
    ended: [endReasonGiven],
  },
  ordinary_job: {},
  ended: {},
};

export function isFinal(phase: Phase): boolean {
  return FINAL_PHASES.includes(phase);
}

/** The phases a programme in `from` may move to next. */
export function nextPhases(from: Phase): Phase[] {
  return Object.keys(TRANSITIONS[from]) as Phase[];
}

function listInWords(phases: Phase[]): string {
  if (phases.length <= 1) return phases.join('');
  return `${phases.slice(0, -1).join(', ')} or ${phases[phases.length - 1]}`;
}

/**
 * Every reason the programme cannot move from its phase to `to`; empty when it may. An
 * illegal move is one reason naming the phases that may follow instead.
 */
export function transitionProblems(facts: ProgrammeFacts, to: Phase): UnmetRequirement[] {
  const guards = TRANSITIONS[facts.phase][to];
  if (!guards) {
    const allowed = nextPhases(facts.phase);
    const message = allowed.length
      ? `a programme in ${facts.phase} can move to ${listInWords(allowed)}, not ${to}`
      : `the programme is finished (${facts.phase}) and cannot move to ${to}`;
    return [{ rule: 'allowed_transition', message }];
  }
  return guards.flatMap((g) => g.unmet(facts).map((message) => ({ rule: g.rule, message })));
}
