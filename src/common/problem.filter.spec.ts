import { QueryFailedError } from 'typeorm';
import { concurrentChange, toProblem } from './problem.filter';

describe('answering a change PostgreSQL gave up for a concurrent one', () => {
  const failed = (code: string) => Object.assign(new QueryFailedError('UPDATE residents ...', [], new Error('driver')), { driverError: { code } });

  it.each([
    ['a deadlock', '40P01'],
    ['a serialization failure', '40001'],
    ['a lock it would not wait for', '55P03'],
  ])('answers %s as 409 concurrent_change, to be sent again, not as a 500', (_what, code) => {
    expect(toProblem(concurrentChange(failed(code)))).toMatchObject({ status: 409, code: 'concurrent_change' });
  });

  it('leaves every other database error to its own mapping', () => {
    expect(concurrentChange(failed('23505'))).toBeUndefined();
    expect(toProblem(failed('XX000'))).toMatchObject({ status: 500, code: 'internal_error' });
  });
});
