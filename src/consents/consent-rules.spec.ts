import { consentProblems, type ConsentContext, type ConsentRequest } from './consent-rules';

const JOBCENTER = '11111111-1111-1111-1111-111111111111';
const MOTHER = '22222222-2222-2222-2222-222222222222';
const now = new Date('2026-03-10T12:00:00+01:00');
const youth: ConsentContext = {
  compartment: 'job_programmes',
  birthDate: '2012-05-04',
  birthYear: 2012,
  guardianConsentBelowAge: 15,
  guardianIds: [MOTHER],
  planOrganisationIds: [JOBCENTER],
  now,
};
const share: ConsentRequest = { scope: 'share_job_programme', recipientOrganisationIds: [JOBCENTER], givenBy: 'resident', givenAt: now };

describe('who may give a consent', () => {
  it('does not let a 14-year-old consent alone', () => {
    expect(consentProblems(share, youth)).toEqual([expect.objectContaining({ field: 'givenBy', rule: 'guardian_consent_for_minor' })]);
  });

  it('accepts the consent from a registered guardian of the youth', () => {
    expect(consentProblems({ ...share, givenBy: 'guardian', guardianId: MOTHER }, youth)).toEqual([]);
  });

  it('refuses a guardian who is not registered for the resident', () => {
    expect(consentProblems({ ...share, givenBy: 'guardian', guardianId: JOBCENTER }, youth)[0].rule).toBe('registered_guardian');
  });

  it('lets a youth consent alone from the 15th birthday, counted in Danish time', () => {
    const birthday = { ...youth, birthDate: '2011-03-10' };
    expect(consentProblems({ ...share, givenAt: new Date('2026-03-09T23:30:00Z') }, birthday)).toEqual([]);
    expect(consentProblems({ ...share, givenAt: new Date('2026-03-09T22:30:00Z') }, birthday)[0].rule).toBe('guardian_consent_for_minor');
  });

  it('takes the youngest possible age when only the birth year is known', () => {
    expect(consentProblems(share, { ...youth, birthDate: null, birthYear: 2011 })[0].rule).toBe('guardian_consent_for_minor');
    expect(consentProblems(share, { ...youth, birthDate: null, birthYear: 2010 })).toEqual([]);
  });
});

describe('what a consent must say', () => {
  it('names recipients for sharing and none for taking part in the programme', () => {
    const adult = { ...youth, birthDate: '1990-01-01' };
    expect(consentProblems({ ...share, recipientOrganisationIds: [] }, adult)[0].rule).toBe('recipients_named');
    expect(consentProblems({ ...share, scope: 'job_programme_participation' }, adult)[0].rule).toBe('no_recipients');
  });

  it('belongs to the compartment of the resident it is recorded for', () => {
    const adult = { ...youth, birthDate: '1990-01-01' };
    expect(consentProblems({ ...share, scope: 'share_counselling' }, adult)[0].rule).toBe('scope_matches_compartment');
  });

  it('lists every problem at once', () => {
    const problems = consentProblems(
      { ...share, recipientOrganisationIds: ['33333333-3333-3333-3333-333333333333'], includesNotes: true, expiresAt: new Date('2026-01-01T00:00:00Z') },
      youth,
    );
    expect(problems.map((p) => p.rule)).toEqual(['organisation_in_plan', 'notes_only_for_counselling', 'expires_after_given', 'guardian_consent_for_minor']);
  });
});
