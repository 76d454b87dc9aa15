/**
 * THE phase machine of the leisure-job programme (fritidsjobforløb), domain.md "The leisure-job
 * programme": which phase may follow which, and what must be true to leave a phase. Guards are
 * pure functions over the facts the service gathers; each returns every requirement it finds
 * unmet, in words a social worker understands, so a refused change lists all that is missing.
 */

export const PHASES = ['clarification', 'matching', 'employment', 'evaluation', 'ordinary_job', 'ended'] as const;

/** The phases as the plan's documents name them (001_*), in the app and in the board's reports. */
export const PHASE_LABELS: Record<(typeof PHASES)[number], string> = {
  clarification: 'Afklaring og forventningsafstemning',
  matching: 'Match og jobsamtale',
  employment: 'Ansættelse',
  evaluation: 'Evalueringssamtaler',
  ordinary_job: 'Ordinært fritidsjob',
  ended: 'Afsluttet før tid',
};
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
  /** Which of the youth's registered guardians signed the contract. */
  contractSignedByGuardianId: string | null;
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
  /**
   * The day the decision is about, YYYY-MM-DD in the plan's time zone: the day a phase change
   * takes effect (its occurredAt), or today when a change to the programme is checked.
   */
  day: string;
  hasEvaluationConversation: boolean;
  request: TransitionRequest;
  /** For ordinary_job: whether request.employerId is an employer of the plan (undefined when not asked). */
  requestedEmployerInPlan?: boolean;
}

export interface UnmetRequirement {
  rule: string;
  message: string;
}

/** A requirement a change would undo, with the request field that undoes it when there is one. */
export interface UndoneRequirement extends UnmetRequirement {
  field?: string;
}

/** What a guard finds missing: the words for the social worker, and the field of the employment or match that holds it. */
interface Finding {
  message: string;
  field?: string;
}

/** A named guard: checks one requirement and says what is missing, or nothing when it is met. */
interface Guard {
  rule: string;
  unmet: (facts: ProgrammeFacts) => Finding[];
}

const guard = (rule: string, unmet: (facts: ProgrammeFacts) => string | Finding | null): Guard => ({
  rule,
  unmet: (facts) => {
    const found = unmet(facts);
    if (found === null) return [];
    return [typeof found === 'string' ? { message: found } : found];
  },
});

const guardianConsented = guard('guardian_participation_consent', (f) =>
  f.hasGuardianParticipationConsent ? null : 'a guardian has not consented to the programme (job_programme_participation, given by a guardian)',
);

const clarificationConversationRecorded = guard('clarification_conversation', (f) =>
  f.hasClarificationConversation ? null : 'no clarification conversation is recorded',
);

const matchAccepted = guard('match_accepted', (f) => (f.acceptedMatch ? null : { message: 'no match is accepted', field: 'status' }));

const employmentRecorded = guard('employment_recorded', (f) =>
  f.employment ? null : 'no employment is recorded (employer, contract signatures, dates and hours)',
);

const employmentAtAcceptedEmployer = guard('employment_at_accepted_employer', (f) =>
  f.employment && f.acceptedMatch && f.employment.employerId !== f.acceptedMatch.employerId
    ? { message: "the employment is not with the accepted match's employer", field: 'employerId' }
    : null,
);

const contractSignedByYouth = guard('contract_signed_by_youth', (f) =>
  f.employment && !f.employment.contractSignedByYouthAt ? { message: 'the employment contract is not signed by the youth', field: 'contractSignedByYouthAt' } : null,
);

// domain.md "employment contract": signed by the youth AND a parent/guardian, so the record
// says when and which of the youth's registered guardians signed.
const contractSignedByGuardian = guard('contract_signed_by_guardian', (f) => {
  if (!f.employment) return null;
  if (!f.employment.contractSignedByGuardianAt) return { message: 'the employment contract is not signed by a guardian', field: 'contractSignedByGuardianAt' };
  if (!f.employment.contractSignedByGuardianId) {
    return { message: 'the employment contract does not say which guardian signed it (contractSignedByGuardianId)', field: 'contractSignedByGuardianId' };
  }
  return null;
});

const employerAgreementActive = guard('employer_agreement_active', (f) =>
  f.employment && !f.employerAgreementActive
    ? {
        message: `the employer has no active cooperation agreement (samarbejdsaftale) on the employment's start date (${f.employment.startDate})`,
        field: 'startDate',
      }
    : null,
);

const employmentStarted = guard('employment_started', (f) => {
  if (!f.employment) return 'no employment is recorded';
  return f.employment.startDate <= f.day ? null : { message: `the employment has not started yet (starts ${f.employment.startDate})`, field: 'startDate' };
});

const evaluationConversationRecorded = guard('evaluation_conversation', (f) =>
  f.hasEvaluationConversation ? null : 'no evaluation conversation is recorded',
);

const ordinaryJobNamed = guard('ordinary_job_named', (f) => {
  if (!f.request.employerId || !f.request.startedAt) return 'an ordinary job needs employerId and startedAt';
  return f.requestedEmployerInPlan === false ? "the ordinary job's employer is not an employer of your plan" : null;
});

const endReasonGiven = guard('end_reason', (f) => (f.request.reason?.trim() ? null : 'ending a programme needs a reason'));

/**
 * From each phase: the phases it may move to, and the guards that must all pass. Every forward
 * move needs the guardian's participation consent to be active still: a guardian who withdraws it
 * stops the programme from going further (domain.md "Consent and access": withdrawal takes effect
 * at once), while ending the programme stays possible.
 */
const TRANSITIONS: Record<Phase, Partial<Record<Phase, Guard[]>>> = {
  clarification: {
    matching: [guardianConsented, clarificationConversationRecorded],
    ended: [endReasonGiven],
  },
  matching: {
    employment: [guardianConsented, matchAccepted, employmentRecorded, employmentAtAcceptedEmployer, contractSignedByYouth, contractSignedByGuardian, employerAgreementActive],
    ended: [endReasonGiven],
  },
  employment: {
    evaluation: [guardianConsented, employmentStarted],
    ended: [endReasonGiven],
  },
  evaluation: {
    ordinary_job: [guardianConsented, evaluationConversationRecorded, ordinaryJobNamed],
    ended: [endReasonGiven],
  },
  ordinary_job: {},
  ended: {},
};

/** The way forward through the phases; `ended` leaves it from any running phase. */
const FORWARD: readonly Phase[] = ['clarification', 'matching', 'employment', 'evaluation', 'ordinary_job'];

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
  return guards.flatMap((g) => g.unmet(facts).map(({ message }) => ({ rule: g.rule, message })));
}

/**
 * The guards a programme in `phase` has passed on its way there, once each: a programme in
 * evaluation has passed the guards into matching, into employment and into evaluation. A
 * finished programme takes no changes, so it has none to protect.
 */
function passedGuards(phase: Phase): Guard[] {
  const reached = FORWARD.indexOf(phase);
  if (reached < 0 || isFinal(phase)) return [];
  const passed = new Set<Guard>();
  for (let i = 0; i < reached; i += 1) {
    for (const g of TRANSITIONS[FORWARD[i]][FORWARD[i + 1]] ?? []) passed.add(g);
  }
  return [...passed];
}

/** The rules of the guards a programme in `phase` has passed; for documentation and tests. */
export function passedGuardRules(phase: Phase): string[] {
  return passedGuards(phase).map((g) => g.rule);
}

/**
 * What a change to a running programme would undo: every guard it has passed that holds with the
 * facts as they are and would fail with the facts after the change. A requirement that already
 * fails (e.g. a consent withdrawn since) is not this change's doing and does not block it.
 */
export function undoneRequirements(before: ProgrammeFacts, after: ProgrammeFacts): UndoneRequirement[] {
  return passedGuards(before.phase).flatMap((g) => {
    if (g.unmet(before).length) return [];
    return g.unmet(after).map(({ message, field }) => ({ ...(field ? { field } : {}), rule: g.rule, message }));
  });
}

/** What the next phase forward still needs: the same guards a transition asks, so the two cannot disagree. */
export interface NextStep {
  to: Phase;
  unmet: UnmetRequirement[];
}

/**
 * The next phase on the way forward from where the programme is, and every requirement of it the
 * facts do not meet yet (an empty list: the move may be made now); null for a finished programme.
 * The ordinary job's employer and start date are asked of the move itself, so with no request
 * they stay listed until the social worker names them.
 */
export function nextStep(facts: ProgrammeFacts): NextStep | null {
  if (isFinal(facts.phase)) return null;
  const to = FORWARD[FORWARD.indexOf(facts.phase) + 1];
  return { to, unmet: transitionProblems(facts, to) };
}
