import type { AddressInfo } from 'node:net';
import { ChangeLog } from '../support/fuzz/change-log';
import { acceptedSummary, failureReport, statusSummary } from '../support/fuzz/failure-report';
import { arrangeWorld, type FixtureWorld } from '../support/fuzz/fixture-world';
import { baseRequest, fuzzCases, type CaseContext, type Tier } from '../support/fuzz/fuzz-cases';
import { operationsOf, type Operation } from '../support/fuzz/openapi-operations';
import { FuzzRunner } from '../support/fuzz/runner';
import { createTestApp, type TestApp } from '../support/test-app';
import { testDatabaseUrl } from '../support/test-env';

/**
 * Issue 7, "Tests that keep it so": walks the served OpenAPI document and sends every operation,
 * as nobody and as every role, hostile input: NUL bytes, lone surrogates, null, extreme numbers
 * and dates, whitespace-only and very long strings, wrong JSON types, malformed JSON, wrong
 * Content-Types, deep nesting, huge bodies, unknown properties, forged cursors, hostile path
 * parameters and Idempotency-Keys. A new route is covered as soon as it is documented.
 *
 * Fails on any 5xx; on any 4xx that changed a row (row triggers on every table record each
 * insert, update and delete; audit events of authentication are exempt); on any 4xx that is not
 * application/problem+json with a string `code`; and on any request slower than the timeout, or a big or deep body whose refusal costs more than 2 s of CPU.
 *
 * FUZZ_RUNS (default 6) scales the generated (fast-check) part; FUZZ_SEED (default 20261123)
 * fixes it; FUZZ_TIMEOUT_MS (default 5000) is the per-request limit; FUZZ_VERBOSE=1 prints the
 * answers per input class; FUZZ_ONLY=text fuzzes only the operations whose `METHOD /path`
 * contains the text (while fixing one route).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const TIMEOUT_MS = Number(process.env.FUZZ_TIMEOUT_MS ?? 5000);

describe('API fuzz: every documented operation as every caller, with hostile input', () => {
  let t: TestApp;
  let world: FixtureWorld;
  let log: ChangeLog;
  let baseUrl: string;
  let operations: Operation[];

  beforeAll(async () => {
    // No background workers: only the requests themselves change rows.
    t = await createTestApp({ processRole: 'api' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    world = await arrangeWorld(t);
    const doc = await fetch(`${baseUrl}/api/docs-json`).then((r) => r.json());
    operations = operationsOf(doc).filter((op) => !process.env.FUZZ_ONLY || op.key.includes(process.env.FUZZ_ONLY));
    log = await ChangeLog.install(testDatabaseUrl());
  }, 120_000);

  afterAll(async () => {
    await log?.uninstall();
    await t?.close();
  });

  it('walks a document with operations and watches every table', () => {
    expect(operations.length).toBeGreaterThan(process.env.FUZZ_ONLY ? 0 : 20);
    expect(log.watched).toEqual(expect.arrayContaining(['residents', 'audit_events', 'users']));
  });

  it('sees the rows a request writes (the change log works under the app\'s database role)', async () => {
    await log.drain();
    const counsellor = world.callers.find((c) => c.role === 'counsellor');
    const res = await fetch(`${baseUrl}/api/v1/residents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${counsellor?.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ housingAreaId: world.own.get('housingArea')?.[0], anonymous: true, birthYear: 1985 }),
    });
    expect(res.status).toBe(201);
    expect((await log.drain()).map((c) => `${c.table} ${c.op}`)).toContain('residents INSERT');
  });

  it("registers a resident from the document's example twice: the fuzz's valid request is not refused as a possible duplicate", async () => {
    const op = operations.find((o) => o.key === 'POST /api/v1/residents');
    const caller = world.callers.find((c) => c.role === 'counsellor');
    if (!op || !caller) throw new Error('no POST /residents or no counsellor in the fuzz world');
    const runner = new FuzzRunner(baseUrl, log, TIMEOUT_MS);
    for (const attempt of [1, 2]) {
      const outcome = await runner.run(baseRequest({ op, caller, world, tier: 'full', runs: RUNS, seed: SEED, opIndex: 0, allQueryNames: [] }).request);
      expect({ attempt, status: outcome.status }).toEqual({ attempt, status: 201 });
    }
  });

  it('answers no hostile request with a 5xx, changes no row when refusing, and refuses with problem+json and a code', async () => {
    const started = Date.now();
    const runner = new FuzzRunner(baseUrl, log, TIMEOUT_MS);
    const allQueryNames = [...new Set(operations.flatMap((op) => op.parameters.filter((p) => p.in === 'query').map((p) => p.name)))];
    for (const [opIndex, op] of operations.entries()) {
      let fullDone = false;
      for (const [index, caller] of world.callers.entries()) {
        if (runner.unresponsive) break;
        const ctx: CaseContext = { op, caller, world, tier: 'full', runs: RUNS, seed: SEED, opIndex, allQueryNames };
        const base = baseRequest(ctx);
        const probe = await runner.run(base.request);
        const refused = probe.status === 401 || probe.status === 403;
        const tier: Tier = refused ? (caller.token ? 'refused' : 'anonymous') : fullDone ? 'sampled' : 'full';
        if (tier === 'full') fullDone = true;
        for (const request of fuzzCases({ ...ctx, tier }, base, index)) {
          if (runner.unresponsive) break;
          await runner.run(request);
        }
      }
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    console.warn(
      `API fuzz: ${runner.requests} requests to ${operations.length} operations as ${world.callers.length} callers in ${seconds} s ` +
        `(FUZZ_RUNS=${RUNS}, FUZZ_SEED=${SEED}); ${runner.settled} successful writes; ${runner.failures.length} failing requests` +
        (runner.unresponsive ? '; STOPPED EARLY: the app stopped answering' : '') +
        (process.env.FUZZ_VERBOSE
          ? `\nAnswers per input class:\n${statusSummary(runner.statuses)}\nHostile requests accepted (2xx):\n${acceptedSummary(runner.accepted)}`
          : ''),
    );
    expect(failureReport(runner.failures)).toEqual([]);
  }, 20 * 60_000);
});
