import { RetentionService } from '../../src/resident-rights/retention.service';
import { createPlan, expectStatus, openCase, registerResident, shareCounselling, type PlanFixture, withPlan } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { programmeFixtures } from '../support/programme-fixtures';
import { type TestApp } from '../support/test-app';

describe('retention: residents kept past their plan\'s retention period are erased', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Opbevaring');
  const owner = ownerDatabase();

  // A fixed "now" for the run: every edge below is placed relative to it.
  const now = new Date();
  const monthsBefore = (months: number, extraMs = 0) => {
    const d = new Date(now);
    d.setMonth(d.getMonth() - months);
    return new Date(d.getTime() + extraMs);
  };

  /** Moves everything recorded about the resident to `at`, behind the app's back (triggers off: opening times are otherwise fixed). */
  async function ageResident(residentId: string, at: Date): Promise<void> {
    const steps = [
      `UPDATE residents SET created_at = $2, updated_at = $2 WHERE id = $1`,
      `UPDATE guardians SET created_at = $2 WHERE resident_id = $1`,
      `UPDATE counselling_cases SET opened_at = $2::timestamptz, created_at = $2, closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE $2::timestamptz END WHERE resident_id = $1`,
      `UPDATE counselling_contacts k SET occurred_at = $2, created_at = $2 FROM counselling_cases c WHERE c.id = k.case_id AND c.resident_id = $1`,
      `UPDATE counselling_referrals f SET referred_at = $2, created_at = $2 FROM counselling_cases c WHERE c.id = f.case_id AND c.resident_id = $1`,
      `UPDATE consents SET given_at = $2, created_at = $2, expires_at = NULL WHERE resident_id = $1`,
      `UPDATE consent_withdrawals w SET withdrawn_at = $2, created_at = $2 FROM consents k WHERE k.id = w.consent_id AND k.resident_id = $1`,
      `UPDATE job_programmes SET started_at = ($2::timestamptz)::date, created_at = $2 WHERE resident_id = $1`,
      `UPDATE job_programme_transitions t SET occurred_at = $2, recorded_at = $2 FROM job_programmes p WHERE p.id = t.programme_id AND p.resident_id = $1`,
    ];
    await owner.query(`SET session_replication_role = replica`);
    try {
      for (const sql of steps) await owner.query(sql, [residentId, at]);
    } finally {
      await owner.query(`SET session_replication_role = origin`);
    }
  }

  /** A named resident with a case that was closed, everything aged to `at`; returns the ids. */
  async function closedCaseResident(p: PlanFixture, firstName: string, at: Date): Promise<{ id: string; caseId: string }> {
    const r = await registerResident(p.counsellor, { housingAreaId: p.areas.eligible, firstName, birthDate: '1980-02-02', phone: '+45 11 22 33 44', confirmNotDuplicate: true });
    const kase = await openCase(p.counsellor, { residentId: r.id, topic: 'debt', form: 'appointment', subject: 'privat' });
    expectStatus(await p.counsellor.post(`/counselling-cases/${kase.id}/contacts`, { occurredAt: new Date().toISOString(), channel: 'phone', note: 'privat note' }), 201, 'contact');
    expectStatus(await p.counsellor.post(`/counselling-cases/${kase.id}/close`, { outcome: 'Løst' }), 200, 'close');
    await ageResident(r.id, at);
    return { id: r.id, caseId: kase.id };
  }

  it('erases exactly those with nothing open and nothing since the limit, in batches, and a second run finds nobody', async () => {
    await owner.query(`UPDATE plans SET retention_months = 12 WHERE id = $1`, [plan.planId]);
    const limit = monthsBefore(12);

    const gone = await closedCaseResident(plan, 'Gone', monthsBefore(30));
    const justPast = await closedCaseResident(plan, 'JustPast', new Date(limit.getTime() - 1000));
    const atLimit = await closedCaseResident(plan, 'AtLimit', limit);
    const stillOpen = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'StillOpen' });
    await openCase(plan.counsellor, { residentId: stillOpen.id, topic: 'housing', form: 'appointment' });
    await ageResident(stillOpen.id, monthsBefore(30));
    const recentContact = await closedCaseResident(plan, 'RecentContact', monthsBefore(30));
    await owner.query(`UPDATE counselling_contacts SET created_at = $2 WHERE case_id = $1`, [recentContact.caseId, monthsBefore(2)]);
    const recentWithdrawal = await closedCaseResident(plan, 'RecentWithdrawal', monthsBefore(30));
    const consent = await shareCounselling(plan.counsellor, recentWithdrawal.id, [plan.organisations.jobcenter]);
    await ageResident(recentWithdrawal.id, monthsBefore(30));
    expectStatus(await plan.counsellor.post(`/consents/${consent.id}/withdraw`, {}), 200, 'withdraw');
    const anonymousOld = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, anonymous: true, birthYear: 1970 });
    await ageResident(anonymousOld.id, monthsBefore(13));

    const fx = programmeFixtures(plan);
    const running = await fx.youthWithConsent('Running', 14);
    await fx.startProgramme(running.id);
    await ageResident(running.id, monthsBefore(30));

    // Another plan keeps residents for the default 60 months.
    const other = await createPlan(t, 'Opbevaring 60');
    const otherPlans = await closedCaseResident(other, 'OtherPlan', monthsBefore(30));

    const retention = t.app.get(RetentionService, { strict: false });
    const first = await retention.run(now, 2);
    const erased = (await owner.query(`SELECT id FROM residents WHERE erased_at IS NOT NULL AND erasure_reason = 'retention'`)).rows.map((r: { id: string }) => r.id);
    expect(erased.sort()).toEqual([gone.id, justPast.id, anonymousOld.id].sort());
    expect(first.erased).toBe(3);
    expect(first.batches).toBeGreaterThan(1);

    const goneRow = (await owner.query(`SELECT anonymous, first_name, phone, birth_date, birth_year, pseudonym FROM residents WHERE id = $1`, [gone.id])).rows[0];
    expect(goneRow).toMatchObject({ anonymous: true, first_name: null, phone: null, birth_date: null, birth_year: 1980, pseudonym: expect.any(String) });
    expect(await owner.count(`counselling_contacts WHERE case_id = $1 AND note IS NOT NULL`, [gone.caseId])).toBe(0);
    expect((await owner.query(`SELECT pseudonym FROM residents WHERE id = $1`, [anonymousOld.id])).rows[0].pseudonym).toBe(anonymousOld.pseudonym);
    const events = (await owner.query(`SELECT resident_id, actor_id, purpose, plan_id FROM audit_events WHERE action = 'resident.erased'`)).rows;
    expect(events).toHaveLength(3);
    expect(events.every((e: { actor_id: string | null; purpose: string; plan_id: string }) => e.actor_id === null && e.purpose === 'retention' && e.plan_id === plan.planId)).toBe(true);
    for (const kept of [atLimit.id, stillOpen.id, recentContact.id, recentWithdrawal.id, running.id, otherPlans.id]) {
      expect(await owner.count(`residents WHERE id = $1 AND erased_at IS NULL`, [kept])).toBe(1);
    }

    const second = await retention.run(now, 2);
    expect(second.erased).toBe(0);
    expect(await owner.count(`audit_events WHERE action = 'resident.erased'`, [])).toBe(3);

    // The access log shows the system's erasure to the leader.
    const log = await plan.leader.get(`/residents/${gone.id}/access-log`);
    expect(log.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'resident.erased', actor: null, purpose: 'retention' })]));
  });

  it('leaves a resident someone is working on right now for the next run, and waits for nobody', async () => {
    const fresh = await createPlan(t, 'Opbevaring låst');
    await owner.query(`UPDATE plans SET retention_months = 12 WHERE id = $1`, [fresh.planId]);
    const busy = await closedCaseResident(fresh, 'Busy', monthsBefore(30));
    await owner.query('BEGIN');
    try {
      await owner.query(`SELECT 1 FROM residents WHERE id = $1 FOR UPDATE`, [busy.id]);
      const run = await t.app.get(RetentionService, { strict: false }).run(now);
      expect(await owner.count(`residents WHERE id = $1 AND erased_at IS NULL`, [busy.id])).toBe(1);
      expect(run.erased).toBeGreaterThanOrEqual(0);
    } finally {
      await owner.query('ROLLBACK');
    }
    const later = await t.app.get(RetentionService, { strict: false }).run(now);
    expect(later.erased).toBe(1);
    expect(await owner.count(`residents WHERE id = $1 AND erasure_reason = 'retention'`, [busy.id])).toBe(1);
  });
});
