import type { components } from '../../generated/api';

export type Role = components['schemas']['MeResponse']['role'];

/** Where a role lands after signing in (and at "/"): its first screen. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'counsellor':
      return '/i-dag';
    case 'caseworker':
      return '/henvisninger';
    case 'leader':
      return '/plan';
    case 'admin':
      return '/planer';
    case 'social_worker':
      return '/forloeb';
    default:
      return '/';
  }
}
