import { eligibilityProblems } from './programme-eligibility';

const VEJLEAAPARKEN = { name: 'Vejleåparken', jobProgrammeEligible: true };
const STRANDPARKEN = { name: 'Strandparken', jobProgrammeEligible: false };

describe('who may start a leisure-job programme', () => {
  it('takes a 13-year-old and a 15-year-old from an eligible housing area', () => {
    expect(eligibilityProblems({ birthDate: '2013-03-01', startedAt: '2026-03-01', housingArea: VEJLEAAPARKEN })).toEqual([]);
    expect(eligibilityProblems({ birthDate: '2010-03-02', startedAt: '2026-03-01', housingArea: VEJLEAAPARKEN })).toEqual([]);
  });

  it('refuses a youth who is 16 on the start date, naming the age and the day', () => {
    expect(eligibilityProblems({ birthDate: '2010-03-01', startedAt: '2026-03-01', housingArea: VEJLEAAPARKEN })).toEqual([
      { field: 'residentId', rule: 'programme_age', message: 'the youth is 16 on 2026-03-01; the programme is for 13-15-year-olds' },
    ]);
  });

  it('refuses a 12-year-old', () => {
    expect(eligibilityProblems({ birthDate: '2013-03-02', startedAt: '2026-03-01', housingArea: VEJLEAAPARKEN }).map((p) => p.rule)).toEqual(['programme_age']);
  });

  it('names a housing area that is not eligible, together with every other unmet rule', () => {
    expect(eligibilityProblems({ birthDate: null, startedAt: '2026-03-01', housingArea: STRANDPARKEN })).toEqual([
      expect.objectContaining({ rule: 'birth_date_needed', message: expect.stringContaining('birth date is needed') }),
      { field: 'residentId', rule: 'eligible_housing_area', message: 'Strandparken is not an eligible housing area for the leisure-job programme' },
    ]);
  });
});
