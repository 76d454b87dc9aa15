import { parseDanishNumber } from './numbers';

describe('a number as a leader types it in Danish', () => {
  it.each([
    ['66', 66],
    ['0,42', 0.42],
    ['-3,5', -3.5],
    ['1.234,5', 1234.5],
    [' 12 ', 12],
  ])('reads %p as %p', (input, value) => expect(parseDanishNumber(input)).toBe(value));

  it.each(['', 'abc', '0.42', '1,2,3', '12.34', ','])('refuses %p, which is not a Danish number', (input) => expect(parseDanishNumber(input)).toBeNull());
});
