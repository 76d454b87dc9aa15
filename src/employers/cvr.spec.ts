import { cvrProblem, isValidCvr, normaliseCvr } from './cvr';

describe('CVR numbers', () => {
  it('accepts real-looking CVR numbers whose weighted digit sum is divisible by 11', () => {
    // 10150817: 1·2 + 0·7 + 1·6 + 5·5 + 0·4 + 8·3 + 1·2 + 7·1 = 66 = 6·11
    for (const cvr of ['10150817', '29189706', '25313763', '35954716', '55133018']) {
      expect(cvrProblem(cvr)).toBeNull();
    }
  });

  it('accepts a CVR typed in groups and stores it as 8 digits', () => {
    expect(normaliseCvr('1015 0817')).toBe('10150817');
    expect(normaliseCvr(' 29 18 97 06 ')).toBe('29189706');
    expect(isValidCvr('1015 0817')).toBe(true);
  });

  it('refuses a CVR with a typing error that breaks the modulus-11 check', () => {
    expect(cvrProblem('10150816')).toMatch(/modulus-11/);
    expect(cvrProblem('10510817')).toMatch(/modulus-11/);
  });

  it('refuses a CVR of 7 or 9 digits', () => {
    expect(cvrProblem('1015081')).toMatch(/8 digits/);
    expect(cvrProblem('101508170')).toMatch(/8 digits/);
  });

  it('refuses letters in a CVR', () => {
    expect(cvrProblem('1015O817')).toMatch(/8 digits/);
    expect(isValidCvr('DK10150817')).toBe(false);
  });

  it('refuses a CVR starting with 0 even when the sum is divisible by 11', () => {
    // 0·2 + 1·7 + 0·6 + 0·5 + 0·4 + 0·3 + 0·2 + 4·1 = 11
    expect(cvrProblem('01000004')).toMatch(/start with 0/);
  });
});
