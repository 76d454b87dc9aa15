import { identityProblems } from './resident-rules';

describe('resident identity rules', () => {
  it('refuses a name, birth date, phone or e-mail on an anonymous resident, naming each field', () => {
    const problems = identityProblems(true, { firstName: 'Ali', birthDate: '1990-01-01', phone: '12345678', email: 'a@b.dk' }, '2026-01-01');
    expect(problems.map((p) => p.field).sort()).toEqual(['birthDate', 'email', 'firstName', 'phone']);
  });

  it('lets an anonymous resident carry a birth year and nothing else', () => {
    expect(identityProblems(true, { birthYear: 1990 }, '2026-01-01')).toEqual([]);
  });

  it('needs a first or last name for a named resident', () => {
    expect(identityProblems(false, {}, '2026-01-01')).toEqual([expect.objectContaining({ field: 'firstName' })]);
    expect(identityProblems(false, { lastName: 'Hansen' }, '2026-01-01')).toEqual([]);
  });

  it('refuses a birth date in the future, an impossible date and a birth year that contradicts the date', () => {
    expect(identityProblems(false, { firstName: 'A', birthDate: '2027-01-01' }, '2026-01-01')[0].field).toBe('birthDate');
    expect(identityProblems(false, { firstName: 'A', birthDate: '2010-02-30' }, '2026-01-01')[0].message).toMatch(/calendar date/);
    expect(identityProblems(false, { firstName: 'A', birthDate: '2010-02-03', birthYear: 2011 }, '2026-01-01')[0].field).toBe('birthYear');
  });
});
