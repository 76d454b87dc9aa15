import { auditChanges } from './audit-changes';

describe('the before and after of an edit in the audit log', () => {
  it('names only the fields that changed, with their old and new values', () => {
    const before = { name: 'Vejleåparken', kind: 'school', version: 1 };
    const after = { name: 'Vejleåparken Øst', kind: 'school', version: 2 };
    expect(auditChanges(before, after, ['name', 'kind'])).toEqual({ before: { name: 'Vejleåparken' }, after: { name: 'Vejleåparken Øst' } });
  });

  it('records a cleared field as null', () => {
    expect(auditChanges({ baseline: 4 as number | null }, { baseline: null }, ['baseline'])).toEqual({ before: { baseline: 4 }, after: { baseline: null } });
  });
});
