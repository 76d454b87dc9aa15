/**
 * CVR numbers (Det Centrale Virksomhedsregister): 8 digits, the first never 0, and the
 * weighted digit sum with the weights 2,7,6,5,4,3,2,1 divisible by 11 (modulus 11, the check
 * digit being the last). Staff often type them in groups ("1015 0817"), so spaces are dropped.
 */
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** The CVR as stored: the digits with spaces removed. */
export function normaliseCvr(input: string): string {
  return input.replace(/\s+/g, '');
}

/** Why a (normalised) CVR is not valid, or null when it is. */
export function cvrProblem(cvr: string): string | null {
  if (!/^\d{8}$/.test(cvr)) return 'cvr must be 8 digits';
  if (cvr.startsWith('0')) return 'cvr cannot start with 0';
  const sum = [...cvr].reduce((total, digit, i) => total + Number(digit) * CVR_WEIGHTS[i], 0);
  if (sum % 11 !== 0) return 'cvr fails the modulus-11 check; check the number for a typing error';
  return null;
}

export function isValidCvr(input: string): boolean {
  return cvrProblem(normaliseCvr(input)) === null;
}
