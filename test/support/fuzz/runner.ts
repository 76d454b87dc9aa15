import { isExempt, type ChangeLog, type RowChange } from './change-log';

/** One request of the fuzz run and what it is meant to probe. */
export interface FuzzRequest {
  /** The operation as documented, e.g. `POST /api/v1/residents/{id}/guardians`. */
  op: string;
  caller: string;
  /** The input class (how failures are grouped), e.g. `nul-byte`. */
  cls: string;
  /** Which value of the class, e.g. `NUL appended`. */
  label: string;
  /** Where the hostile input sits, e.g. `body.firstName`, `query.cursor`, `path.id`, `body`. */
  where: string;
  method: string;
  /** Path and query, already encoded as they go on the wire. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The body's media type; null sends the body without a Content-Type. Default application/json. */
  contentType?: string | null;
  /**
   * Spending more than this (ms) of the process's CPU on the request is a failure too: a big or deep
   * body must be refused without parsing it (the app runs in this process). CPU time, not the time
   * on the clock, so a busy shared machine does not fail the run while a body that holds the event
   * loop still does.
   */
  slowMs?: number;
}

export type FailureKind = '5xx' | 'refused request changed rows' | '4xx not problem+json with a code' | 'timeout' | 'slow' | 'no answer';

export interface Failure {
  kind: FailureKind;
  req: FuzzRequest;
  status: number;
  code?: string;
  tables: string[];
  durationMs: number;
  note?: string;
}

export interface Outcome {
  status: number;
  durationMs: number;
  changes: RowChange[];
}

const SETTLE_MS = 15;

const describeChange = (c: RowChange) => `${c.table} ${c.op}${c.action ? ` (${c.action})` : ''}`;

/** Sends fuzz requests one at a time to a listening app, and judges each answer and the rows it changed. */
export class FuzzRunner {
  readonly failures: Failure[] = [];
  /** Per input class, how often each status answered: the run's summary. */
  readonly statuses = new Map<string, Map<number, number>>();
  requests = 0;
  /** Hostile requests that were accepted (2xx): not failures, but worth a look (FUZZ_VERBOSE). */
  readonly accepted: Array<{ req: FuzzRequest; status: number }> = [];
  /** Successful writes waited for, so their late rows are not blamed on the next request. */
  settled = 0;
  private consecutiveTimeouts = 0;
  private last?: { req: FuzzRequest; status: number };

  constructor(
    private readonly baseUrl: string,
    private readonly log: ChangeLog,
    private readonly timeoutMs: number,
  ) {}

  /** True once the app has stopped answering: the rest of the run would only time out. */
  get unresponsive(): boolean {
    return this.consecutiveTimeouts >= 5;
  }

  async run(req: FuzzRequest): Promise<Outcome> {
    // Rows written after the previous answer was sent still belong to the previous request.
    const late = await this.log.drain();
    if (late.length && this.last) this.judgeChanges(this.last.req, this.last.status, late, 0, 'written after the answer was sent');
    this.requests += 1;
    const headers: Record<string, string> = { ...req.headers };
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (req.body !== undefined) {
      if (req.contentType === null) body = new Uint8Array(Buffer.from(req.body, 'utf8'));
      else {
        headers['content-type'] = req.contentType ?? 'application/json';
        body = req.body;
      }
    }
    const start = performance.now();
    const cpuAtStart = process.cpuUsage();
    let status = 0;
    let contentType = '';
    let text = '';
    let error: string | undefined;
    try {
      const res = await fetch(this.baseUrl + req.url, { method: req.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      status = res.status;
      contentType = res.headers.get('content-type') ?? '';
      text = await res.text();
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      error = err.name === 'TimeoutError' || err.name === 'AbortError' ? 'timeout' : `${err.cause?.code ?? err.name}: ${err.cause?.message ?? err.message}`;
    }
    const durationMs = Math.round(performance.now() - start);
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    const changes = await this.log.drain();
    // A request that succeeded may go on writing after its answer (the outbox hand-over runs
    // right after the commit): let that settle, so it is not blamed on the next request.
    if (status >= 200 && status < 400 && req.method !== 'GET') await this.settle();
    this.count(req.cls, status);
    if (status >= 200 && status < 300 && req.cls !== 'base') this.accepted.push({ req: { ...req, body: req.body?.slice(0, 400) }, status });
    this.last = { req, status };

    if (error === 'timeout') {
      this.consecutiveTimeouts += 1;
      this.fail({ kind: 'timeout', req, status: 0, tables: [], durationMs, note: `no answer within ${this.timeoutMs} ms` });
      return { status, durationMs, changes };
    }
    this.consecutiveTimeouts = 0;
    if (error) {
      this.fail({ kind: 'no answer', req, status: 0, tables: [], durationMs, note: error });
      return { status, durationMs, changes };
    }
    let code: string | undefined;
    try {
      const parsed = JSON.parse(text) as { code?: unknown };
      if (parsed && typeof parsed.code === 'string') code = parsed.code;
    } catch {
      // not JSON: judged below for 4xx
    }
    if (status >= 500) this.fail({ kind: '5xx', req, status, code, tables: changes.map(describeChange), durationMs });
    if (status >= 400 && status < 500) {
      this.judgeChanges(req, status, changes, durationMs);
      if (!contentType.startsWith('application/problem+json') || !code) {
        this.fail({ kind: '4xx not problem+json with a code', req, status, code, tables: [], durationMs, note: `Content-Type ${contentType || 'none'}, code ${code ?? 'missing'}` });
      }
    }
    if (req.slowMs !== undefined && cpuMs > req.slowMs) {
      this.fail({ kind: 'slow', req, status, code, tables: [], durationMs, note: `${cpuMs} ms of CPU (${durationMs} ms on the clock), more than ${req.slowMs} ms` });
    }
    return { status, durationMs, changes };
  }

  private async settle(): Promise<void> {
    this.settled += 1;
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      if ((await this.log.drain()).length === 0) return;
    }
  }

  private judgeChanges(req: FuzzRequest, status: number, changes: RowChange[], durationMs: number, note?: string): void {
    if (status < 400 || status >= 500) return;
    const changed = changes.filter((c) => !isExempt(c));
    if (changed.length === 0) return;
    const tables = [...new Set(changed.map(describeChange))].sort();
    this.fail({ kind: 'refused request changed rows', req, status, tables, durationMs, note });
  }

  private fail(failure: Failure): void {
    this.failures.push(failure);
  }

  private count(cls: string, status: number): void {
    const byStatus = this.statuses.get(cls) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    this.statuses.set(cls, byStatus);
  }
}
