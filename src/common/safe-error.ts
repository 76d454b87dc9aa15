/**
 * What may be logged about an error: facts that identify the failure without repeating what was
 * sent. Messages are left out on purpose: database messages quote values ("invalid input syntax
 * for type uuid: ..."), their `detail` quotes keys ("Key (email)=(...)"), a trigger's RAISE can
 * quote a note with a CPR number, and JSON parse errors quote the body.
 */
export interface SafeErrorFacts {
  name: string;
  /** PostgreSQL SQLSTATE or Node system error code. */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  /** Stack frames only (file and line), without the message line. */
  stack?: string[];
  cause?: SafeErrorFacts;
}

export function safeErrorFacts(error: unknown, depth = 0): SafeErrorFacts {
  if (!error || typeof error !== 'object') return { name: typeof error };
  const e = error as Record<string, unknown> & { driverError?: unknown; cause?: unknown; stack?: unknown };
  const driver = (e.driverError ?? {}) as Record<string, unknown>;
  const pick = (key: string): string | undefined => {
    const value = driver[key] ?? e[key];
    return typeof value === 'string' ? value : undefined;
  };
  const facts: SafeErrorFacts = {
    name: (error as Error).constructor?.name ?? 'Error',
    code: pick('code'),
    constraint: pick('constraint'),
    table: pick('table'),
    column: pick('column'),
    routine: pick('routine'),
    stack: typeof e.stack === 'string' ? stackFrames(e.stack) : undefined,
  };
  if (e.cause && depth < 3) facts.cause = safeErrorFacts(e.cause, depth + 1);
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as unknown as SafeErrorFacts;
}

function stackFrames(stack: string): string[] {
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
}
