import { Writable } from 'node:stream';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { createPlan, openCase, registerResident, type PlanFixture } from '../support/fixtures';
import { testConfig, type TestApp } from '../support/test-app';
import { testDatabaseUrl } from '../support/test-env';

const CPR = '010190-1234';
const PHONE = '+45 20 30 40 50';
const EMAIL = 'helle.privat@example.dk';

/** No personal data in logs, ever: an unexpected database error is logged by its code and ids, never by what was sent. */
describe('what the logs hold when a request fails', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let owner: Client;
  let lines = '';

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines += chunk.toString();
        done();
      },
    });
    const app = await createApp(testConfig({ logLevel: 'info' }), { logStream });
    t = { app, http: () => request(app.getHttpServer()), close: () => app.close() };
    plan = await createPlan(t, 'Logge');
    owner = new Client({ connectionString: testDatabaseUrl() });
    await owner.connect();
    // A failure no input check can foresee (a trigger quoting the row, as buggy SQL might), on notes marked for this test.
    await owner.query(`CREATE FUNCTION logs_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.note LIKE '%LOGTEST%' THEN RAISE EXCEPTION 'cannot store %', NEW.note; END IF; RETURN NEW; END $$`);
    await owner.query(`CREATE TRIGGER logs_test_fail BEFORE INSERT ON counselling_contacts FOR EACH ROW EXECUTE FUNCTION logs_test_fail()`);
  });
  afterAll(async () => {
    await owner.query(`DROP TRIGGER IF EXISTS logs_test_fail ON counselling_contacts`);
    await owner.query(`DROP FUNCTION IF EXISTS logs_test_fail()`);
    await owner.end();
    await t.close();
  });

  it('logs the error code and request id of a 500, but not the note, CPR number, phone or e-mail that were sent', async () => {
    const helle = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Helle', lastName: 'Jensen', phone: PHONE, email: EMAIL });
    const matter = await openCase(plan.counsellor, { residentId: helle.id, topic: 'debt', form: 'appointment' });
    const res = await plan.counsellor
      .post(`/counselling-cases/${matter.id}/contacts`, { occurredAt: new Date().toISOString(), channel: 'phone', note: `LOGTEST CPR ${CPR}, ring ${PHONE} / ${EMAIL}` })
      .set('X-Request-Id', 'logs-test-1');
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain(CPR);

    const failure = lines.split('\n').find((line) => line.includes('"request failed"'));
    expect(failure).toBeDefined();
    expect(failure).toContain('logs-test-1');
    expect(failure).toContain('P0001');
    for (const secret of [CPR, PHONE, EMAIL, 'Helle', 'LOGTEST']) expect([secret, lines.includes(secret)]).toEqual([secret, false]);
  });
});
