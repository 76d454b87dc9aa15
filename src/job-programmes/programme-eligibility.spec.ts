import { eligibilityProblems } from './programme-eligibility';

const VEJLEAAPARKEN = { name: 'Vejleåparken', jobProgrammeEligible: true };
const STRANDPARKEN = { name: 'Strandparken', jobProgrammeEligible: false };
/** The ages the plans' settings give: Ishøj (001_*) and Varde (002_*, "13-18 år"). */
const ISHOJ = { min: 13, max: 15 };
const VARDE = { min: 13, max: 17 };

describe('who may start a leisure-job programme', () => {
  it('takes a 13-year-old and a 15-year-old from an eligible housing area', () => {
    expect(eligibilityProblems({ birthDate: '2013-03-01', startedAt: '2026-03-01', housingArea: VEJLEAAPARKEN }, ISHOJ)).toEqual([]);
    expect(eligibilityProblems({ birthDate: '2010-03-02', startedAt: '2026-03-01', housingArea: VEJLEAAPARKEN }, ISHOJ)).toEqual([]);
  });

  it('refuses a youth who is 16 on the start date, naming the age, the day and the plan\'s range', () => {
    expect(eligibilityProblems({ birthDate: '2010-03-01', startedAt: '2026-03-01', housingArea: VEJLEAAPARKEN }, ISHOJ)).toEqual([
      { field: 'residentId', rule: 'programme_age', message: 'the youth is 16 on 2026-03-01; the programme is for 13-15-year-olds' },
    ]);
  });

  it('takes the same 16-year-old, and a 17-year-old, in a plan whose programme is for 13-17', () => {
    expect(eligibilityProblems({ birthDate: '2010-03-01', startedAt: '2026-03-01', housingArea: VEJLEAAPARKEN }, VARDE)).toEqual([]);
    expect(eligibilityProblems({ birthDate: '2008-03-02', startedAt: '2026-03-01', housingArea: VEJLEAAPARKEN }, VARDE)).toEqual([]);
    expect(eligibilityProblems({ birthDate: '2008-03-01', startedAt: '2026-03-01', housingArea: VEJLEAAPARKEN }, VARDE)).toEqual([
      { field: 'residentId', rule: 'programme_age', message: 'the youth is 18 on 2026-03-01; the programme is for 13-17-year-olds' },
    ]);
  });

  it('refuses a 13-year-old where the plan starts at 14, and names a range of one age as that age', () => {
    expect(eligibilityProblems({ birthDate: '2013-03-01', startedAt: '2026-03-01', housingArea: VEJLEAAPARKEN }, { min: 14, max: 14 })).toEqual([
      { field: 'residentId', rule: 'programme_age', message: 'the youth is 13 on 2026-03-01; the programme is for 14-year-olds' },
    ]);
  });

  it('refuses a 12-year-old', () => {
    expect(eligibilityProblems({ birthDate: '2013-03-02', startedAt: '2026-03-01', housingArea: VEJLEAAPARKEN }, ISHOJ).map((p) => p.rule)).toEqual(['programme_age']);
  });

  it('names a housing area that is not eligible, together with every other unmet rule', () => {
    expect(eligibilityProblems({ birthDate: null, startedAt: '2026-03-01', housingArea: STRANDPARKEN }, ISHOJ)).toEqual([
      expect.objectContaining({ rule: 'birth_date_needed', message: expect.stringContaining("birth date is needed to check the programme's age range (13-15)") }),
      { field: 'residentId', rule: 'eligible_housing_area', message: 'Strandparken is not an eligible housing area for the leisure-job programme' },
    ]);
  });
});
