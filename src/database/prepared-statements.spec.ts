import { preparedStatement } from './prepared-statements';

describe('prepared statements', () => {
  it('keeps one name for one statement: a second declaration with other SQL is refused', () => {
    const first = preparedStatement('spec_same_name', 'SELECT 1');
    expect(preparedStatement('spec_same_name', 'SELECT 1')).toEqual(first);
    expect(() => preparedStatement('spec_same_name', 'SELECT 2')).toThrow(/declared twice/);
  });
});
