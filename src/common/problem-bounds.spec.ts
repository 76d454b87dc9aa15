import { InvalidInput, RuleViolation } from './domain-errors';
import { toProblem } from './problem.filter';

describe('a refusal with a list', () => {
  it('shows the first 20 unmet rules of a 422 and says how many it left out', () => {
    const problem = toProblem(new RuleViolation(Array.from({ length: 45 }, (_, i) => ({ field: `f${i}`, rule: 'r', message: `rule ${i} is not met` }))));
    expect(problem.errors).toHaveLength(20);
    expect(problem).toMatchObject({ status: 422, errorCount: 45, errorsOmitted: 25 });
    expect(problem.detail).toBe(`${Array.from({ length: 20 }, (_, i) => `f${i}: rule ${i} is not met`).join('; ')}; and 25 more (see errorCount)`);
  });

  it('leaves a short list as it is, without counts', () => {
    const problem = toProblem(new InvalidInput([{ field: 'firstName', message: 'must be a string' }]));
    expect(problem).toMatchObject({ errors: [{ field: 'firstName', message: 'must be a string' }], detail: 'firstName: must be a string' });
    expect(problem).not.toHaveProperty('errorsOmitted');
  });

  it('cuts a long message and a long detail', () => {
    const problem = toProblem(new RuleViolation([{ message: 'x'.repeat(5000) }]));
    expect(problem.errors?.[0].message.length).toBe(200);
    expect(problem.detail.length).toBeLessThanOrEqual(1000);
  });
});
