import type { AuditChanges } from './audit-writer';

/**
 * What an edit changed, for its audit event: the fields whose value differs, as they were and as
 * they became. Only for records without personal data (plans, areas, organisations, indicators).
 */
export function auditChanges<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): AuditChanges {
  const was: Record<string, unknown> = {};
  const is: Record<string, unknown> = {};
  for (const field of fields) {
    if (before[field] === after[field]) continue;
    was[field] = before[field] ?? null;
    is[field] = after[field] ?? null;
  }
  return { before: was, after: is };
}
