import type { ProblemItem } from './domain-errors';

/**
 * Rules every string and number a client sends must meet, whatever field it is in, checked before
 * the per-field validation. They close classes of input that no field has a use for and that
 * PostgreSQL or the code behind would otherwise trip over with a 500:
 * - a NUL character (PostgreSQL text cannot hold it) or another C0 control character other than
 *   tab, line feed and carriage return;
 * - a lone UTF-16 surrogate (not Unicode text; it cannot be stored or hashed faithfully);
 * - a string of only white space where a value is meant (a name of "   " is no name);
 * - a number that is not finite or so small it is not a value anyone typed (5e-324).
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// White space and invisible format characters (zero-width space, BOM, soft hyphen, bidi marks).
const BLANK = /^[\s\p{Cf}]*$/u;
const SMALLEST_MEANINGFUL = 1e-9;

export function stringProblem(value: string): string | null {
  if (CONTROL_CHARACTER.test(value)) return 'contains a control character (such as NUL) that text cannot hold';
  if (LONE_SURROGATE.test(value)) return 'is not well-formed Unicode text (it has a lone surrogate)';
  if (value.length > 0 && BLANK.test(value)) return 'must not be blank';
  return null;
}

export function numberProblem(value: number): string | null {
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (value !== 0 && Math.abs(value) < SMALLEST_MEANINGFUL) return 'is too small to be a meaningful value';
  return null;
}

/**
 * Every problem in a request part (body, query or path parameters), each naming its field by
 * path (`participants[2]`, `headcount.total`). Keys are checked like values. Stops after a few
 * dozen problems: a hostile body should not make the answer large.
 */
export function inputProblems(value: unknown, path = '', found: ProblemItem[] = [], depth = 0): ProblemItem[] {
  if (found.length >= 50 || depth > 32) return found;
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    if (problem) found.push({ field: path || 'value', rule: 'clean_input', message: `${path || 'value'} ${problem}` });
  } else if (typeof value === 'number') {
    const problem = numberProblem(value);
    if (problem) found.push({ field: path || 'value', rule: 'clean_input', message: `${path || 'value'} ${problem}` });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => inputProblems(item, `${path}[${i}]`, found, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      const keyProblem = stringProblem(key);
      if (keyProblem) {
        found.push({ field: path || 'body', rule: 'clean_input', message: `a field name ${keyProblem}` });
        continue;
      }
      inputProblems(item, field, found, depth + 1);
    }
  }
  return found;
}
