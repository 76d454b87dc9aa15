import type { Failure, FuzzRequest } from './runner';

/** Makes a request readable in one line: control characters and surrogates escaped, long runs collapsed, long text cut. */
export function readable(text: string, max = 220): string {
  const collapsed = text.replace(/([\s\S])\1{15,}/g, (run, c: string) => `${c}×${run.length}`).replace(/((?:\[|\{"a":))\1{15,}/g, (run, unit: string) => `${unit}×${run.length / unit.length}`);
  const cut = collapsed.length > max ? `${collapsed.slice(0, max)}…(${text.length} chars)` : collapsed;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be made visible
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\ud800-\udfff\u2028\u2029\u202e\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function describeRequest(req: FuzzRequest): string {
  const headers = Object.entries(req.headers)
    .filter(([k]) => k !== 'authorization' || req.where === 'header.Authorization')
    .map(([k, v]) => ` [${k}: ${readable(v, 60)}]`)
    .join('');
  const type = req.body === undefined ? '' : req.contentType === null ? ' [no Content-Type]' : req.contentType ? ` [Content-Type: ${req.contentType}]` : '';
  const body = req.body === undefined ? '' : ` ${readable(req.body)}`;
  return `${req.method} ${readable(req.url, 160)}${headers}${type}${body}`;
}

interface Group {
  failure: Failure;
  count: number;
  ops: Set<string>;
  callers: Set<string>;
  wheres: Set<string>;
  labels: Set<string>;
}

const list = (s: Set<string>, max: number) => {
  const items = [...s].sort();
  return items.length > max ? `${items.slice(0, max).join(', ')}, +${items.length - max} more` : items.join(', ');
};

/** body, path, query, header: where a hostile input sits, without the field's name. */
const place = (where: string) => where.split(/[.[]/)[0];

/**
 * One line per distinct failure: kind, input class, where (body, path, query, header), status
 * and code, tables changed. Each names every operation, caller, field and value it happened
 * with, and one example request to reproduce it. Sorted, so the list reads the same from run
 * to run.
 */
export function failureReport(failures: Failure[]): string[] {
  const groups = new Map<string, Group>();
  for (const f of failures) {
    const key = [f.kind, f.req.cls, place(f.req.where), f.status, f.code ?? '', f.tables.join(',')].join('|');
    const g = groups.get(key) ?? { failure: f, count: 0, ops: new Set<string>(), callers: new Set<string>(), wheres: new Set<string>(), labels: new Set<string>() };
    g.count += 1;
    g.ops.add(f.req.op);
    g.callers.add(f.req.caller);
    g.wheres.add(f.req.where);
    g.labels.add(f.req.label);
    groups.set(key, g);
  }
  const lines = [...groups.values()]
    .sort((a, b) => b.ops.size - a.ops.size || b.count - a.count)
    .sort((a, b) => a.failure.kind.localeCompare(b.failure.kind))
    .map((g) => {
      const f = g.failure;
      const status = f.status ? `${f.status}${f.code ? ` ${f.code}` : ''}` : 'no status';
      const tables = f.tables.length ? ` changed [${f.tables.join('; ')}]` : '';
      const note = f.note ? ` (${f.note})` : '';
      return (
        `[${f.kind}] ${f.req.cls} in ${place(f.req.where)} -> ${status}${tables}${note}: ${g.count} requests, ${g.ops.size} operations` +
        ` | operations: ${list(g.ops, 12)} | callers: ${list(g.callers, 6)} | at: ${list(g.wheres, 8)} | values: ${list(g.labels, 6)}` +
        ` | e.g. as ${f.req.caller}: ${describeRequest(f.req)}`
      );
    });
  const MAX = 300;
  return [...lines.slice(0, MAX), ...(lines.length > MAX ? [`... and ${lines.length - MAX} more distinct failures`] : [])];
}

/** The run's answers per input class, for the log: which classes were refused with what. */
export function statusSummary(statuses: Map<string, Map<number, number>>): string {
  return [...statuses.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cls, byStatus]) => `${cls}: ${[...byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s || 'none'}×${n}`).join(' ')}`)
    .join('\n');
}

/** Hostile requests the API accepted, grouped by class, operation and place: for a human to judge (FUZZ_VERBOSE). */
export function acceptedSummary(accepted: Array<{ req: FuzzRequest; status: number }>): string {
  const groups = new Map<string, { count: number; labels: Set<string>; example: string }>();
  for (const { req, status } of accepted) {
    const key = `${req.cls} | ${req.op} | ${req.where} as ${req.caller} -> ${status}`;
    const g = groups.get(key) ?? { count: 0, labels: new Set<string>(), example: describeRequest(req) };
    g.count += 1;
    g.labels.add(req.label);
    groups.set(key, g);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, g]) => `${key} ×${g.count} (${list(g.labels, 4)}) e.g. ${g.example}`)
    .join('\n');
}
