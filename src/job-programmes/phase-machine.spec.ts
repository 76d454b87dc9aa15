import { nextPhases, passedGuardRules, PHASES, transitionProblems, undoneRequirements, type Phase, type ProgrammeFacts } from './phase-machine';

const EMPLOYER = 'e0000000-0000-4000-8000-000000000001';
const OTHER_EMPLOYER = 'e0000000-0000-4000-8000-000000000002';
const MOTHER = 'g0000000-0000-4000-8000-000000000001';

/** A programme where every requirement of every phase is met; tests take away what they test. */
function facts(phase: Phase, overrides: Partial<ProgrammeFacts> = {}): ProgrammeFacts {
  return {
    phase,
    hasGuardianParticipationConsent: true,
    hasClarificationConversation: true,
    acceptedMatch: { employerId: EMPLOYER },
    employment: {
      employerId: EMPLOYER,
      contractSignedByYouthAt: '2026-03-20',
      contractSignedByGuardianAt: '2026-03-21',
      contractSignedByGuardianId: MOTHER,
      startDate: '2026-04-01',
      endDate: '2026-08-01',
    },
    employerAgreementActive: true,
    day: '2026-05-01',
    hasEvaluationConversation: true,
    request: {},
    ...overrides,
  };
}

const rules = (f: ProgrammeFacts, to: Phase) => transitionProblems(f, to).map((p) => p.rule);
const messages = (f: ProgrammeFacts, to: Phase) => transitionProblems(f, to).map((p) => p.message);

describe('the phase machine of the leisure-job programme', () => {
  describe('from clarification to matching', () => {
    it('lets the youth move on with a guardian consent and a clarification conversation', () => {
      expect(transitionProblems(facts('clarification'), 'matching')).toEqual([]);
    });

    it('lists both a missing guardian consent and a missing clarification conversation', () => {
      const f = facts('clarification', { hasGuardianParticipationConsent: false, hasClarificationConversation: false });
      expect(transitionProblems(f, 'matching')).toEqual([
        { rule: 'guardian_participation_consent', message: 'a guardian has not consented to the programme (job_programme_participation, given by a guardian)' },
        { rule: 'clarification_conversation', message: 'no clarification conversation is recorded' },
      ]);
    });

    it('needs the guardian consent even when the conversation is recorded', () => {
      expect(rules(facts('clarification', { hasGuardianParticipationConsent: false }), 'matching')).toEqual(['guardian_participation_consent']);
    });
  });

  describe('from matching to employment', () => {
    it('lets the youth start work with an accepted match, a contract signed by both and an active agreement', () => {
      expect(transitionProblems(facts('matching'), 'employment')).toEqual([]);
    });

    it('says no match is accepted and no employment is recorded when nothing is arranged', () => {
      const f = facts('matching', { acceptedMatch: undefined, employment: undefined, employerAgreementActive: false });
      expect(transitionProblems(f, 'employment')).toEqual([
        { rule: 'match_accepted', message: 'no match is accepted' },
        { rule: 'employment_recorded', message: 'no employment is recorded (employer, contract signatures, dates and hours)' },
      ]);
    });

    it('lists every missing signature and the missing cooperation agreement together', () => {
      const base = facts('matching');
      const f = facts('matching', {
        employment: { ...base.employment!, contractSignedByYouthAt: null, contractSignedByGuardianAt: null },
        employerAgreementActive: false,
      });
      expect(messages(f, 'employment')).toEqual([
        'the employment contract is not signed by the youth',
        'the employment contract is not signed by a guardian',
        "the employer has no active cooperation agreement (samarbejdsaftale) on the employment's start date (2026-04-01)",
      ]);
    });

    it('needs to know which of the guardians signed, not only when', () => {
      const base = facts('matching');
      const f = facts('matching', { employment: { ...base.employment!, contractSignedByGuardianId: null } });
      expect(transitionProblems(f, 'employment')).toEqual([
        { rule: 'contract_signed_by_guardian', message: 'the employment contract does not say which guardian signed it (contractSignedByGuardianId)' },
      ]);
    });

    it("refuses an employment with another employer than the accepted match's", () => {
      const base = facts('matching');
      const f = facts('matching', { employment: { ...base.employment!, employerId: OTHER_EMPLOYER } });
      expect(rules(f, 'employment')).toEqual(['employment_at_accepted_employer']);
    });
  });

  describe('from employment to evaluation', () => {
    it('lets the programme move to evaluation once the employment has started', () => {
      expect(transitionProblems(facts('employment', { day: '2026-04-01' }), 'evaluation')).toEqual([]);
    });

    it('says when the employment starts if it has not started yet', () => {
      expect(transitionProblems(facts('employment', { day: '2026-03-31' }), 'evaluation')).toEqual([
        { rule: 'employment_started', message: 'the employment has not started yet (starts 2026-04-01)' },
      ]);
    });
  });

  describe('from evaluation to an ordinary job', () => {
    const job = { employerId: EMPLOYER, startedAt: '2026-08-15' };

    it('records the ordinary job after an evaluation conversation', () => {
      expect(transitionProblems(facts('evaluation', { request: job, requestedEmployerInPlan: true }), 'ordinary_job')).toEqual([]);
    });

    it('needs an evaluation conversation and the job\'s employer and start date', () => {
      expect(transitionProblems(facts('evaluation', { hasEvaluationConversation: false }), 'ordinary_job')).toEqual([
        { rule: 'evaluation_conversation', message: 'no evaluation conversation is recorded' },
        { rule: 'ordinary_job_named', message: 'an ordinary job needs employerId and startedAt' },
      ]);
    });

    it('needs startedAt even when the employer is given', () => {
      expect(rules(facts('evaluation', { request: { employerId: EMPLOYER } }), 'ordinary_job')).toEqual(['ordinary_job_named']);
    });

    it("refuses an ordinary job at an employer outside the plan", () => {
      expect(messages(facts('evaluation', { request: job, requestedEmployerInPlan: false }), 'ordinary_job')).toEqual([
        "the ordinary job's employer is not an employer of your plan",
      ]);
    });
  });

  describe('a guardian who withdraws the participation consent', () => {
    const job = { employerId: EMPLOYER, startedAt: '2026-08-15' };
    it.each([
      ['matching', 'employment'],
      ['employment', 'evaluation'],
      ['evaluation', 'ordinary_job'],
    ] as const)('stops the move from %s to %s', (from, to) => {
      const f = facts(from, { hasGuardianParticipationConsent: false, request: job, requestedEmployerInPlan: true });
      expect(rules(f, to)).toEqual(['guardian_participation_consent']);
    });

    it('does not stop ending the programme', () => {
      expect(transitionProblems(facts('employment', { hasGuardianParticipationConsent: false, request: { reason: 'Forældrene trak samtykket' } }), 'ended')).toEqual([]);
    });
  });

  describe('the guards a programme has passed', () => {
    it('grow with each phase on the way forward', () => {
      expect(passedGuardRules('clarification')).toEqual([]);
      expect(passedGuardRules('matching')).toEqual(['guardian_participation_consent', 'clarification_conversation']);
      expect(passedGuardRules('employment')).toEqual([
        'guardian_participation_consent',
        'clarification_conversation',
        'match_accepted',
        'employment_recorded',
        'employment_at_accepted_employer',
        'contract_signed_by_youth',
        'contract_signed_by_guardian',
        'employer_agreement_active',
      ]);
      expect(passedGuardRules('evaluation').slice(-1)).toEqual(['employment_started']);
    });

    it('are none for a finished programme, which takes no changes anyway', () => {
      expect(passedGuardRules('ordinary_job')).toEqual([]);
      expect(passedGuardRules('ended')).toEqual([]);
    });
  });

  describe('a change that would undo a passed guard', () => {
    const unsigned = (phase: Phase) => {
      const before = facts(phase);
      return { before, after: { ...before, employment: { ...before.employment!, contractSignedByYouthAt: null, contractSignedByGuardianAt: null, contractSignedByGuardianId: null } } };
    };

    it('names both signatures when an employed youth\'s contract would lose them', () => {
      const { before, after } = unsigned('employment');
      expect(undoneRequirements(before, after)).toEqual([
        { field: 'contractSignedByYouthAt', rule: 'contract_signed_by_youth', message: 'the employment contract is not signed by the youth' },
        { field: 'contractSignedByGuardianAt', rule: 'contract_signed_by_guardian', message: 'the employment contract is not signed by a guardian' },
      ]);
    });

    it('protects the signatures in evaluation too, but not before the employment phase', () => {
      expect(undoneRequirements(unsigned('evaluation').before, unsigned('evaluation').after).map((p) => p.rule)).toEqual(['contract_signed_by_youth', 'contract_signed_by_guardian']);
      expect(undoneRequirements(unsigned('matching').before, unsigned('matching').after)).toEqual([]);
    });

    it('refuses moving the start into the future once in evaluation, and only then', () => {
      for (const phase of ['employment', 'evaluation'] as const) {
        const before = facts(phase, { day: '2026-05-01' });
        const after = { ...before, employment: { ...before.employment!, startDate: '2026-06-01' } };
        expect(undoneRequirements(before, after).map((p) => p.rule)).toEqual(phase === 'evaluation' ? ['employment_started'] : []);
      }
    });

    it('refuses a start date on which the employer has no cooperation agreement', () => {
      const before = facts('employment');
      expect(undoneRequirements(before, { ...before, employerAgreementActive: false })).toEqual([
        expect.objectContaining({ field: 'startDate', rule: 'employer_agreement_active' }),
      ]);
    });

    it('does not blame the change for a requirement that already fails, like a consent withdrawn since', () => {
      const before = facts('employment', { hasGuardianParticipationConsent: false });
      const after = { ...before, employment: { ...before.employment!, endDate: '2026-08-15' } };
      expect(undoneRequirements(before, after)).toEqual([]);
    });

    it('counts un-accepting the match of an employed youth as undoing it', () => {
      const before = facts('employment');
      expect(undoneRequirements(before, { ...before, acceptedMatch: undefined })).toEqual([{ field: 'status', rule: 'match_accepted', message: 'no match is accepted' }]);
    });
  });

  describe('ending a programme early', () => {
    it.each(['clarification', 'matching', 'employment', 'evaluation'] as const)('ends a programme in %s with a reason', (phase) => {
      expect(transitionProblems(facts(phase, { request: { reason: 'Flyttet fra området' } }), 'ended')).toEqual([]);
    });

    it('needs a reason, and blank is no reason', () => {
      expect(transitionProblems(facts('matching'), 'ended')).toEqual([{ rule: 'end_reason', message: 'ending a programme needs a reason' }]);
      expect(rules(facts('matching', { request: { reason: '   ' } }), 'ended')).toEqual(['end_reason']);
    });
  });

  describe('moves the table does not allow', () => {
    it('refuses skipping from clarification to evaluation and names the allowed next phases', () => {
      expect(transitionProblems(facts('clarification'), 'evaluation')).toEqual([
        { rule: 'allowed_transition', message: 'a programme in clarification can move to matching or ended, not evaluation' },
      ]);
    });

    it('refuses going back from employment to matching', () => {
      expect(messages(facts('employment'), 'matching')).toEqual(['a programme in employment can move to evaluation or ended, not matching']);
    });

    it.each(['ordinary_job', 'ended'] as const)('refuses any move out of the finished phase %s', (phase) => {
      for (const to of PHASES) {
        expect(transitionProblems(facts(phase, { request: { reason: 'x' } }), to)).toEqual([
          { rule: 'allowed_transition', message: `the programme is finished (${phase}) and cannot move to ${to}` },
        ]);
      }
    });

    it('allows exactly the five phases in order, and ending from every unfinished phase', () => {
      expect(nextPhases('clarification')).toEqual(['matching', 'ended']);
      expect(nextPhases('matching')).toEqual(['employment', 'ended']);
      expect(nextPhases('employment')).toEqual(['evaluation', 'ended']);
      expect(nextPhases('evaluation')).toEqual(['ordinary_job', 'ended']);
      expect(nextPhases('ordinary_job')).toEqual([]);
      expect(nextPhases('ended')).toEqual([]);
    });
  });
});
