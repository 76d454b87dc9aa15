import { randomInt } from 'node:crypto';

/**
 * Pseudonyms for anonymous residents: short codes a counsellor can say aloud or write on a
 * note. The alphabet leaves out characters that are easily confused (0/O, 1/I/L, 5/S, 2/Z,
 * 8/B, U/V), so a code read back over the phone still finds the same resident.
 */
export const PSEUDONYM_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
export const PSEUDONYM_LENGTH = 6;

export function generatePseudonym(): string {
  let code = '';
  for (let i = 0; i < PSEUDONYM_LENGTH; i += 1) code += PSEUDONYM_ALPHABET[randomInt(PSEUDONYM_ALPHABET.length)];
  return code;
}

/** Accepts what people actually type: lower case, spaces or dashes between groups. */
export function normalisePseudonym(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
