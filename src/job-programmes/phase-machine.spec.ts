import { nextPhases, PHASES, transitionProblems, type Phase, type ProgrammeFacts } from './phase-machine';

const EMPLOYER = 'e0000000-0000-4000-8000-000000000001';
const OTHER_EMPLOYER = 'e0000000-0000-4000-8000-000000000002';

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
      startDate: '2026-04-01',
      endDate: '2026-08-01',
    },
    employerAgreementActive: true,
    today: '2026-05-01',
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

    it("refuses an employment with another employer than the accepted match's", () => {
      const base = facts('matching');
      const f = facts('matching', { employment: { ...base.employment!, employerId: OTHER_EMPLOYER } });
      expect(rules(f, 'employment')).toEqual(['employment_at_accepted_employer']);
    });
  });

  describe('from employment to evaluation', () => {
    it('lets the programme move to evaluation once the employment has started', () => {
      expect(transitionProblems(facts('employment', { today: '2026-04-01' }), 'evaluation')).toEqual([]);
    });

    it('says when the employment starts if it has not started yet', () => {
      expect(transitionProblems(facts('employment', { today: '2026-03-31' }), 'evaluation')).toEqual([
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
