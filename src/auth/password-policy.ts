import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import type { ProblemItem } from '../common/domain-errors';

/**
 * Which passwords staff may choose, after NIST SP 800-63B §5.1.1.2: long enough, not a known or
 * easily guessed password, and not built from the service's or the person's own name. Known
 * passwords come from a maintained list shipped with the code (zxcvbn-ts: ~50,000 common
 * passwords plus dictionaries), and zxcvbn also sees repeats ("aaaaaaaaaaaa"), sequences and
 * keyboard patterns. No composition rules: a long passphrase is welcome.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's 0-4 scale; 3 = "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;
const SERVICE_WORDS = ['helhedsplan', 'helhedsplaner', 'boligsocial', 'boligsociale'];

let zxcvbn: ZxcvbnFactory | undefined;
function strength(): ZxcvbnFactory {
  // Built on first use: the dictionaries take ~200 ms and some MB, needed only when a password is set.
  zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs, translations: en.translations });
  return zxcvbn;
}

export interface PasswordContext {
  email: string;
  name?: string;
  /** Other words the person or place is known by (plan name, municipality). */
  words?: string[];
}

/** Parts of the context at least four letters long, lower case, that a password must not contain. */
function contextWords(context: PasswordContext): string[] {
  const [local, domain = ''] = context.email.toLowerCase().split('@');
  const parts = [local, ...domain.split('.').slice(0, -1), ...local.split(/[^\p{L}\p{N}]+/u), ...(context.name ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u), ...(context.words ?? []).flatMap((w) => w.toLowerCase().split(/[^\p{L}\p{N}]+/u))];
  return [...new Set([...parts, ...SERVICE_WORDS])].filter((w) => w.length >= 4);
}

/** Every reason `password` may not be chosen; empty when it may. */
export function passwordProblems(password: string, context: PasswordContext, field = 'password'): ProblemItem[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [{ field, rule: 'password_length', message: `${field} must be at least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one` }];
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [{ field, rule: 'password_length', message: `${field} must be at most ${PASSWORD_MAX_LENGTH} characters` }];
  }
  const lower = password.toLowerCase();
  const words = contextWords(context);
  const own = words.find((word) => lower.includes(word));
  if (own) {
    return [{ field, rule: 'password_context', message: `${field} contains your name, e-mail or the service's name; choose something others cannot guess from them` }];
  }
  const result = strength().check(password, words);
  if (result.score < MIN_SCORE) {
    const hint = result.feedback.warning ? ` (${result.feedback.warning})` : '';
    return [{ field, rule: 'password_guessable', message: `${field} is too easy to guess${hint}; a few unrelated words make a strong one` }];
  }
  return [];
}
