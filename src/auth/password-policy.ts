import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import type { ProblemItem } from '../common/domain-errors';
import { DANISH_PASSWORD_WORDS } from './danish-password-words';

/**
 * Which passwords staff may choose, after NIST SP 800-63B §5.1.1.2: long enough, not a known or
 * easily guessed password, and not built from the service's or the person's own name. Known
 * passwords come from a maintained list shipped with the code (zxcvbn-ts: ~50,000 common
 * passwords plus dictionaries) and a Danish list kept here (danish-password-words.ts), and zxcvbn
 * also sees repeats ("aaaaaaaaaaaa"), sequences and keyboard patterns. A common word dressed up
 * with a year and symbols ("Sommer2025!!") is refused too: that is the first thing a guesser tries.
 * No composition rules: a long passphrase is welcome.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's 0-4 scale; 3 = "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;
const SERVICE_WORDS = ['helhedsplan', 'helhedsplaner', 'boligsocial', 'boligsociale'];
/**
 * Passwords this service has published: the demo users' (README, src/demo/demo-seed.ts). Refused
 * for every real account however it is written; the demo seed sets it past the policy.
 */
export const PUBLISHED_DEMO_PASSWORD = 'demo-password-2025';

/** A word as Danes type it without æ, ø and å as well ("forår": "foraar", "forar"). */
function spellings(word: string): string[] {
  const doubled = word.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
  const plain = word.replace(/æ/g, 'a').replace(/ø/g, 'o').replace(/å/g, 'a');
  return [...new Set([word, doubled, plain])];
}

const DANISH = [...new Set(DANISH_PASSWORD_WORDS.flatMap(spellings))];
const DANISH_SET = new Set(DANISH);
/** Words that alone, dressed up with digits and symbols, make a guessable password. */
const KNOWN_SINGLE = new Set([...DANISH, ...(common.dictionary['passwords-common'] as string[])]);

let zxcvbn: ZxcvbnFactory | undefined;
function strength(): ZxcvbnFactory {
  // Built on first use: the dictionaries take ~200 ms and some MB, needed only when a password is set.
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, danish: DANISH },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return zxcvbn;
}

export interface PasswordContext {
  email: string;
  name?: string;
  /** Other words the person or place is known by (plan name, municipality). */
  words?: string[];
}

/** Parts of the context at least four letters long, lower case (with their spellings without æ, ø, å), that a password must not contain. */
function contextWords(context: PasswordContext): string[] {
  const [local, domain = ''] = context.email.toLowerCase().split('@');
  const parts = [local, ...domain.split('.').slice(0, -1), ...local.split(/[^\p{L}\p{N}]+/u), ...(context.name ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u), ...(context.words ?? []).flatMap((w) => w.toLowerCase().split(/[^\p{L}\p{N}]+/u))];
  return [...new Set([...parts.flatMap(spellings), ...SERVICE_WORDS])].filter((w) => w.length >= 4);
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/**
 * The letters a password is built on: lower case, look-alikes inside a word read as letters
 * ("P@ssw0rd"), and every digit, symbol and space around or between the words dropped.
 */
export function passwordCore(password: string): string {
  const lower = password.toLowerCase();
  const letters = [...lower].map((c, i) => (LEET[c] && /\p{L}/u.test(lower[i - 1] ?? '') && /\p{L}/u.test(lower[i + 1] ?? '') ? LEET[c] : c));
  return letters.filter((c) => /\p{L}/u.test(c)).join('');
}

/**
 * Whether `core` is one known word, or two words of the Danish list ("velkommenhjem",
 * "demopassword"). A core of a letter or two (mostly digits and symbols) is left to zxcvbn.
 */
function isDressedUpWord(core: string): boolean {
  if (core.length < 3) return false;
  if (KNOWN_SINGLE.has(core)) return true;
  for (let i = 1; i < core.length; i += 1) {
    if (DANISH_SET.has(core.slice(0, i)) && DANISH_SET.has(core.slice(i))) return true;
  }
  return false;
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
  const core = passwordCore(password);
  const words = contextWords(context);
  const own = words.find((word) => lower.includes(word) || core.includes(word));
  if (own) {
    return [{ field, rule: 'password_context', message: `${field} contains your name, e-mail or the service's name; choose something others cannot guess from them` }];
  }
  if (core === passwordCore(PUBLISHED_DEMO_PASSWORD)) {
    return [{ field, rule: 'password_guessable', message: `${field} is the demo's published password; choose your own` }];
  }
  if (isDressedUpWord(core)) {
    return [{ field, rule: 'password_guessable', message: `${field} is a common word with digits or symbols around it, which is guessed first; a few unrelated words make a strong one` }];
  }
  const result = strength().check(password, words);
  if (result.score < MIN_SCORE) {
    const hint = result.feedback.warning ? ` (${result.feedback.warning})` : '';
    return [{ field, rule: 'password_guessable', message: `${field} is too easy to guess${hint}; a few unrelated words make a strong one` }];
  }
  return [];
}
