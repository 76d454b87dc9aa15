import { RetentionService } from '../../src/resident-rights/retention.service';
import { createPlan, expectStatus, openCase, registerResident, shareCounselling, type PlanFixture, withPlan } from '../support/fixtures';
import { ownerDatabase, type OwnerDatabase } from '../support/owner-database';
import { type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * An erasure racing the work that makes a resident active (issue 20, finding 1), made
 * deterministic: each test holds one side at the exact moment the race is about, with a lock the
 * test owns, instead of hoping the timing comes out that way.
 */
describe('erasure and new work on the same resident at the same moment', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Samtidighed');
  const owner = ownerDatabase();

  const monthsAgo = (months: number) => {
    const d = new Date();
    d.setMonth(d.getMonth() - months);
    return d;
  };

  /** A resident whose only case was closed 30 months ago, with a referral; due for retention at 12 months. */
  async function dueResident(p: PlanFixture, firstName: string): Promise<{ id: string; caseId: string; referralId: string }> {
    const r = await registerResident(p.counsellor, { housingAreaId: p.areas.eligible, firstName, confirmNotDuplicate: true });
    const kase = await openCase(p.counsellor, { residentId: r.id, topic: 'debt', form: 'appointment', subject: 'Gæld' });
    const referral = await p.counsellor.post(`/counselling-cases/${kase.id}/referrals`, { recipientName: 'Gældsrådgivningen', reason: 'Inkasso' });
    expectStatus(referral, 201, 'referral');
    expectStatus(await p.counsellor.post(`/counselling-cases/${kase.id}/close`, { outcome: 'Afdrag aftalt' }), 200, 'close');
    const at = monthsAgo(30);
    await owner.query(`SET session_replication_role = replica`);
    try {
      await owner.query(`UPDATE residents SET created_at = $2, updated_at = $2 WHERE id = $1`, [r.id, at]);
      await owner.query(`UPDATE counselling_cases SET opened_at = $2, created_at = $2, closed_at = $2 WHERE resident_id = $1`, [r.id, at]);
      await owner.query(`UPDATE counselling_referrals SET referred_at = $2, created_at = $2 WHERE case_id = $1`, [kase.id, at]);
    } finally {
      await owner.query(`SET session_replication_role = origin`);
    }
    await owner.query(`UPDATE plans SET retention_months = 12 WHERE id = $1`, [p.planId]);
    return { id: r.id, caseId: kase.id, referralId: referral.body.id };
  }

  const erased = async (residentId: string) => (await owner.count(`residents WHERE id = $1 AND erased_at IS NOT NULL`, [residentId])) === 1;

  /** Locks waited for right now by the app's connections (the test's own owner connection holds, never waits). */
  const waiting = (db: OwnerDatabase, where = 'true') => db.count(`pg_locks WHERE NOT granted AND ${where}`, []);

  /** Holds every audit insert (the last step of every write) until released: the writer is then held just before it commits. */
  async function holdAuditInserts(db: OwnerDatabase): Promise<() => Promise<void>> {
    await db.query('BEGIN');
    await db.query('LOCK TABLE audit_events IN SHARE MODE');
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      await db.query('ROLLBACK');
    };
  }

  it('does not erase a resident whose case was opened while retention was judging their batch', async () => {
    const resident = await dueResident(plan, 'Vender tilbage');
    // A gate in the residents table's row policy holds retention's locking statement on this one
    // resident after the statement took its snapshot and before it locks the row: the moment a
    // case opened and committed there is invisible to that statement and no longer locked.
    const GATE = 74_130_20;
    await owner.query(`CREATE TABLE IF NOT EXISTS race_gate (resident_id uuid PRIMARY KEY)`);
    await owner.query(`INSERT INTO race_gate VALUES ($1)`, [resident.id]);
    await owner.query(
      `CREATE OR REPLACE FUNCTION race_gate_pass(rid uuid) RETURNS boolean LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$
       BEGIN
         IF current_query() LIKE '%SKIP LOCKED%' AND EXISTS (SELECT 1 FROM race_gate WHERE resident_id = rid) THEN
           PERFORM pg_advisory_xact_lock_shared(${GATE});
         END IF;
         RETURN true;
       END $$`,
    );
    await owner.query(`CREATE POLICY race_gate ON residents USING (race_gate_pass(id))`);
    await owner.query(`ALTER TABLE residents ENABLE ROW LEVEL SECURITY`);
    await owner.query(`SELECT pg_advisory_lock(${GATE})`);
    let gateOpen = false;
    const openGate = async () => {
      if (gateOpen) return;
      gateOpen = true;
      await owner.query(`SELECT pg_advisory_unlock(${GATE})`);
    };
    try {
      const run = t.app.get(RetentionService, { strict: false }).run();
      await waitFor('retention to reach the resident', async () => ((await waiting(owner, `locktype = 'advisory' AND objid = ${GATE}`)) > 0 ? true : undefined));

      const opened = await plan.counsellor.post('/counselling-cases', { residentId: resident.id, topic: 'housing', form: 'appointment', subject: 'Husleje' });
      expectStatus(opened, 201, 'open a case while retention runs');
      await openGate();
      await run;

      expect(await erased(resident.id)).toBe(false);
      expect((await plan.counsellor.get(`/counselling-cases/${opened.body.id}`)).body).toMatchObject({ status: 'open', subject: 'Husleje' });
    } finally {
      await openGate();
      await owner.query(`ALTER TABLE residents DISABLE ROW LEVEL SECURITY`);
      await owner.query(`DROP POLICY race_gate ON residents`);
    }
  });

  it('does not erase a resident whose referral is being followed up while retention runs', async () => {
    const fresh = await createPlan(t, 'Samtidighed opfølgning');
    const resident = await dueResident(fresh, 'Opfølgning');
    const release = await holdAuditInserts(owner);
    try {
      const followUp = fresh.counsellor.post(`/referrals/${resident.referralId}/status`, { status: 'revoked', note: 'Trukket tilbage efter samtale' }).then((res) => res);
      await waitFor('the follow-up to be held just before it commits', async () => ((await waiting(owner)) >= 1 ? true : undefined));
      let settled = false;
      const run = t.app
        .get(RetentionService, { strict: false })
        .run()
        .finally(() => (settled = true));
      await waitFor('retention to have judged the resident', async () => (settled || (await waiting(owner)) >= 2 ? true : undefined));
      await release();
      expectStatus(await followUp, 200, 'follow-up');
      await run;
    } finally {
      await release();
    }
    expect(await erased(resident.id)).toBe(false);
  });

  it('refuses a contact logged while the resident is being erased on request, so its note never outlives the erasure', async () => {
    const r = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Slettes nu', confirmNotDuplicate: true });
    const kase = await openCase(plan.counsellor, { residentId: r.id, topic: 'debt', form: 'appointment', subject: 'Gæld' });
    const release = await holdAuditInserts(owner);
    let contact: { status: number; body: { code?: string } } | undefined;
    try {
      const erasure = plan.counsellor.post(`/residents/${r.id}/erase`, { reason: 'resident_request' }).then((res) => res);
      await waitFor('the erasure to be held just before it commits', async () => ((await waiting(owner)) >= 1 ? true : undefined));
      const logged = plan.counsellor.post(`/counselling-cases/${kase.id}/contacts`, { occurredAt: new Date().toISOString(), channel: 'phone', note: 'Ringede om afdrag' }).then((res) => res);
      await waitFor('the contact to wait for the erasure', async () => ((await waiting(owner)) >= 2 ? true : undefined));
      await release();
      expectStatus(await erasure, 200, 'erase');
      contact = await logged;
    } finally {
      await release();
    }
    expect({ status: contact.status, code: contact.body.code }).toEqual({ status: 409, code: 'resident_erased' });
    expect(await owner.count(`counselling_contacts WHERE case_id = $1 AND note IS NOT NULL`, [kase.id])).toBe(0);

    // The erased resident's open case can still be closed, but without an outcome written about them.
    const withOutcome = await plan.counsellor.post(`/counselling-cases/${kase.id}/close`, { outcome: 'Afdrag aftalt' });
    expect({ status: withOutcome.status, code: withOutcome.body.code }).toEqual({ status: 409, code: 'resident_erased' });
    expectStatus(await plan.counsellor.post(`/counselling-cases/${kase.id}/close`, {}), 200, 'close without an outcome');
    expect(await owner.count(`counselling_cases WHERE id = $1 AND outcome IS NOT NULL`, [kase.id])).toBe(0);
  });

  it('lets an erased resident\'s consent be withdrawn, but writes no reason about them', async () => {
    const r = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Trækker tilbage', birthDate: '1980-02-02', confirmNotDuplicate: true });
    const consent = await shareCounselling(plan.counsellor, r.id, [plan.organisations.jobcenter]);
    expectStatus(await plan.counsellor.post(`/residents/${r.id}/erase`, { reason: 'resident_request' }), 200, 'erase');
    const withReason = await plan.counsellor.post(`/consents/${consent.id}/withdraw`, { reason: 'Flyttet til Aarhus' });
    expect({ status: withReason.status, code: withReason.body.code }).toEqual({ status: 409, code: 'resident_erased' });
    expectStatus(await plan.counsellor.post(`/consents/${consent.id}/withdraw`, {}), 200, 'withdraw without a reason');
    expect(await owner.count(`consent_withdrawals WHERE consent_id = $1 AND reason IS NOT NULL`, [consent.id])).toBe(0);
  });
});
