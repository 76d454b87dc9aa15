import { roleChangeProblems, roleOrganisationProblems } from './user-rules';

describe('who a plan user can be', () => {
  it('lets a caseworker belong only to a municipal organisation', () => {
    expect(roleOrganisationProblems('caseworker', 'municipal')).toEqual([]);
    expect(roleOrganisationProblems('caseworker', undefined)[0].rule).toBe('caseworker_organisation');
    expect(roleOrganisationProblems('caseworker', 'school')[0].rule).toBe('caseworker_organisation');
  });

  it('keeps the plan\'s own staff out of municipal organisations', () => {
    expect(roleOrganisationProblems('counsellor', undefined)).toEqual([]);
    expect(roleOrganisationProblems('leader', 'housing_association')).toEqual([]);
    expect(roleOrganisationProblems('social_worker', 'municipal')[0].rule).toBe('boligsocial_organisation');
  });

  it('never turns a caseworker into a counsellor, or a counsellor into a caseworker', () => {
    expect(roleChangeProblems('caseworker', 'counsellor')[0].rule).toBe('role_across_organisations');
    expect(roleChangeProblems('leader', 'caseworker')[0].rule).toBe('role_across_organisations');
  });

  it('lets the plan\'s own staff change between their roles', () => {
    expect(roleChangeProblems('social_worker', 'counsellor')).toEqual([]);
    expect(roleChangeProblems('counsellor', 'leader')).toEqual([]);
  });
});

describe('who a volunteer can be', () => {
  it('lets a volunteer belong to a partner organisation, never to none or a municipal one', () => {
    expect(roleOrganisationProblems('volunteer', 'other')).toEqual([]);
    expect(roleOrganisationProblems('volunteer', 'housing_association')).toEqual([]);
    expect(roleOrganisationProblems('volunteer', undefined)[0].rule).toBe('volunteer_organisation');
    expect(roleOrganisationProblems('volunteer', 'municipal')[0].rule).toBe('boligsocial_organisation');
  });

  it('never turns a volunteer into staff or a caseworker, or the reverse', () => {
    expect(roleChangeProblems('volunteer', 'counsellor')[0].rule).toBe('role_across_organisations');
    expect(roleChangeProblems('volunteer', 'caseworker')[0].rule).toBe('role_across_organisations');
    expect(roleChangeProblems('leader', 'volunteer')[0].rule).toBe('role_across_organisations');
    expect(roleChangeProblems('volunteer', 'volunteer')).toEqual([]);
  });
});
