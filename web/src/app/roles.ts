import type { components } from '../../generated/api';

export type Role = components['schemas']['MeResponse']['role'];

/** Where each role lands after signing in (and at "/"): its first screen. A new role fails the build until it has one. */
const HOMES: Record<Role, string> = {
  counsellor: '/i-dag',
  caseworker: '/henvisninger',
  leader: '/plan',
  admin: '/planer',
  social_worker: '/forloeb',
  volunteer: '/frivillig',
};

export const homeOf = (role: Role): string => HOMES[role];
