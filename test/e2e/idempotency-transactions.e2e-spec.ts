import { randomUUID } from 'node:crypto';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { Reconciler } from '../../src/jobs/reconciler';
import { API, createTestApp, type TestApp } from '../support/test-app';
import { Caller, openCase, registerResident, createPlan, type PlanFixture } from '../support/fixtures';
import { Client } from 'pg';
import { ownerDatabase } from '../support/owner-database';
import { testDatabaseUrl } from '../support/test-env';
import { waitFor } from '../support/wait-for';

/**
 * An Idempotency-Key is kept in the transaction of the write it answers: a request's writes and
 * its stored answer commit together, and a retry finds either the request still running or both.
 */
describe('the transaction of a request with an Idempotency-Key', () => {
  let t: TestApp;
  let plan: PlanFixture;
  const owner = ownerDatabase();
  let port: number;

  beforeAll(async () => {
    // No relay poll and no reconciler sweep on their own during these tests: a job reaches the
    // queue only when a request nudges the relay, and expired keys go only when a test sweeps.
    t = await createTestApp({ outboxPollMs: 600_000, reconcileIntervalMs: 600_000 });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    plan = await createPlan(t, 'Transaktioner');
  });
  afterAll(() => t.close());

  const count = owner.count;
  const contactsOf = (caseId: string) => count(`counselling_contacts WHERE case_id = $1`, [caseId]);
  const withKey = (caller: Caller, path: string, body: object, key: string) => caller.post(path, body).set('Idempotency-Key', key);

  /** Another session's lock, which a request waits for in the middle of its transaction. */
  async function holdLock(statement: string, params: unknown[] = []): Promise<{ release: () => Promise<void> }> {
    const session = new Client({ connectionString: testDatabaseUrl() });
    await session.connect();
    await session.query('BEGIN');
    await session.query(statement, params);
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        await session.query('COMMIT');
        await session.end();
      },
    };
  }

  /** Until a request of the app waits for a lock in a statement like `pattern`. */
  const requestWaitingIn = (pattern: string) =>
    waitFor(`a request waiting in ${pattern}`, async () => {
      const { rows } = await owner.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query ILIKE $1`,
        [pattern],
      );
      return rows.length ? true : undefined;
    });

  /** Holds every keyed request just before its answer is stored: its writes are done, its commit is not. */
  const holdStoringAnswers = () => holdLock('LOCK TABLE idempotency_keys IN SHARE MODE');
  const answerWaitingToBeStored = () => requestWaitingIn('INSERT INTO idempotency_keys%');

  async function caseOpenSince(firstName: string, openedAt: string) {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName });
    return openCase(plan.counsellor, { residentId: resident.id, topic: 'debt', form: 'appointment', openedAt });
  }

  it('tells a second request with the key that the first is still in progress, and later answers it with the first answer', async () => {
    const c = await caseOpenSince('Hanne', '2026-01-05T10:00:00+01:00');
    const body = { occurredAt: '2026-01-19T09:30:00+01:00', channel: 'phone' };
    const key = randomUUID();
    const held = await holdLock('SELECT 1 FROM counselling_cases WHERE id = $1 FOR UPDATE', [c.id]);
    try {
      const first = withKey(plan.counsellor, `/counselling-cases/${c.id}/contacts`, body, key).then((res) => res);
      await requestWaitingIn('%counselling_cases%');
      const second = await withKey(plan.counsellor, `/counselling-cases/${c.id}/contacts`, body, key);
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('idempotency_key_in_progress');
      await held.release();
      const answered = await first;
      expect(answered.status).toBe(201);
      const retried = await withKey(plan.counsellor, `/counselling-cases/${c.id}/contacts`, body, key);
      expect({ status: retried.status, body: retried.body }).toEqual({ status: 201, body: answered.body });
      expect(await contactsOf(c.id)).toBe(1);
    } finally {
      await held.release();
    }
  });

  it('answers a retry after a dropped connection with the contact the first attempt recorded', async () => {
    const c = await caseOpenSince('Jens', '2026-01-05T10:00:00+01:00');
    const body = { occurredAt: '2026-02-02T14:00:00+01:00', channel: 'in_person', note: 'Afdragsordning aftalt' };
    const key = randomUUID();
    // The case is held so the first attempt is surely inside its transaction when its connection dies.
    const held = await holdLock('SELECT 1 FROM counselling_cases WHERE id = $1 FOR UPDATE', [c.id]);
    try {
      const socket = sendAndHangUp(port, plan.counsellor, `/counselling-cases/${c.id}/contacts`, body, key);
      await requestWaitingIn('%counselling_cases%');
      socket.destroy();
      await held.release();
      const [{ id: recorded }] = await waitFor('the first attempt to record its contact', async () => {
        const { rows } = await owner.query(`SELECT id FROM counselling_contacts WHERE case_id = $1`, [c.id]);
        return rows.length ? rows : undefined;
      });
      const retry = await withKey(plan.counsellor, `/counselling-cases/${c.id}/contacts`, body, key);
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(recorded);
      expect(await contactsOf(c.id)).toBe(1);
    } finally {
      await held.release();
    }
  });

  it("adds a plan's own topic in the transaction that keeps its answer", async () => {
    const key = randomUUID();
    const held = await holdStoringAnswers();
    try {
      const added = withKey(plan.leader, '/counselling-topics', { key: 'pension', label: 'Pension og efterløn' }, key).then((res) => res);
      await answerWaitingToBeStored();
      expect(await count(`counselling_topics WHERE plan_id = $1 AND key = 'pension'`, [plan.planId])).toBe(0);
      await held.release();
      expect((await added).status).toBe(201);
      expect(await count(`counselling_topics WHERE plan_id = $1 AND key = 'pension'`, [plan.planId])).toBe(1);
    } finally {
      await held.release();
    }
  });

  it("adds a plan's goal and indicator in the transaction that keeps its answer", async () => {
    const key = randomUUID();
    const body = { goal: 'Flere unge i job', indicator: 'Antal unge i fritidsjob', unit: 'unge pr. år', dataSource: 'Helhedsplanens registreringer' };
    const held = await holdStoringAnswers();
    try {
      const added = withKey(plan.leader, '/indicators', body, key).then((res) => res);
      await answerWaitingToBeStored();
      expect(await count(`plan_indicators WHERE plan_id = $1`, [plan.planId])).toBe(0);
      await held.release();
      expect((await added).status).toBe(201);
      expect(await count(`plan_indicators WHERE plan_id = $1`, [plan.planId])).toBe(1);
    } finally {
      await held.release();
    }
  });

  it('records the audit event of a report request in the transaction of the request', async () => {
    const key = randomUUID();
    const held = await holdStoringAnswers();
    try {
      const requested = withKey(plan.leader, '/reports/half-year', { year: 2025, half: 1 }, key).then((res) => res);
      await answerWaitingToBeStored();
      expect(await count(`audit_events WHERE plan_id = $1 AND action = 'report.requested'`, [plan.planId])).toBe(0);
      await held.release();
      const answer = await requested;
      expect(answer.status).toBe(202);
      expect(await count(`audit_events WHERE plan_id = $1 AND action = 'report.requested' AND entity_id = $2`, [plan.planId, answer.body.id])).toBe(1);
    } finally {
      await held.release();
    }
  });

  it('hands a requested report to the queue as soon as the request commits, not at the next poll', async () => {
    const key = randomUUID();
    const held = await holdStoringAnswers();
    let reportId: string;
    try {
      const requested = withKey(plan.leader, '/reports/half-year', { year: 2024, half: 2 }, key).then((res) => res);
      await answerWaitingToBeStored();
      await held.release();
      const answer = await requested;
      expect(answer.status).toBe(202);
      reportId = answer.body.id;
    } finally {
      await held.release();
    }
    await waitFor(
      'the report job to be handed to the queue',
      async () => {
        const { rows } = await owner.query(`SELECT o.dispatched_at FROM half_year_reports r JOIN outbox o ON o.id = r.outbox_id WHERE r.id = $1`, [reportId]);
        return rows[0]?.dispatched_at ? true : undefined;
      },
      10_000,
    );
  });

  it('deletes answers older than 24 hours on the next sweep, and keeps younger ones', async () => {
    const old = randomUUID();
    const fresh = randomUUID();
    for (const [key, firstName] of [[old, 'Aage'], [fresh, 'Birthe']]) {
      const res = await withKey(plan.counsellor, '/residents', { housingAreaId: plan.areas.eligible, firstName }, key);
      expect(res.status).toBe(201);
    }
    await owner.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [old]);
    await t.app.get(Reconciler).sweep();
    expect(await count(`idempotency_keys WHERE key = $1`, [old])).toBe(0);
    expect(await count(`idempotency_keys WHERE key = $1`, [fresh])).toBe(1);
  });
});

/** Writes a whole POST on a socket of its own and returns the socket unread: the caller hangs up before the answer. */
function sendAndHangUp(port: number, caller: Caller, path: string, body: object, key: string): Socket {
  const payload = JSON.stringify(body);
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.write(
    [
      `POST ${API}${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Authorization: Bearer ${caller.token}`,
      'Content-Type: application/json',
      `Idempotency-Key: ${key}`,
      `Content-Length: ${Buffer.byteLength(payload)}`,
      '',
      payload,
    ].join('\r\n'),
  );
  return socket;
}
