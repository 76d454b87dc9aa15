import type { components } from '../../../generated/api';

type Resident = Pick<components['schemas']['ResidentResponse'], 'anonymous' | 'pseudonym' | 'firstName' | 'lastName' | 'birthYear'>;

/** A resident in a picker: the name (or pseudonym) and birth year, so two of the same name can be told apart. */
export function counsellorResidentName(r: Resident): string {
  const name = r.anonymous ? `Anonym (${r.pseudonym ?? ''})` : [r.firstName, r.lastName].filter(Boolean).join(' ');
  return r.birthYear ? `${name}, f. ${r.birthYear}` : name;
}
