import { randomBytes } from 'node:crypto';
import { createPlan, expectStatus, openCase, registerResident, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { API, createTestApp, type TestApp } from '../support/test-app';

interface AuditRow {
  action: string;
  actorId: string | null;
  actorRole: string | null;
  planId: string | null;
  residentId: string | null;
  entityType: string | null;
  entityId: string | null;
  purpose: string;
  changes: { before: object; after: Record<string, unknown> } | null;
}

/** Who tried to read what they may not, and who read the audit log, are in the audit log (issue 20). */
describe('the audit log of refused reads and of its own reading', () => {
  const jwtSecret = randomBytes(32).toString('hex');
  let t: TestApp;
  let plan: PlanFixture;
  const owner = ownerDatabase();

  beforeAll(async () => {
    t = await createTestApp({ jwtSecret });
    plan = await createPlan(t, 'Afviste læsninger');
  });
  afterAll(() => t.close());

  const eventsBy = async (actorId: string, action: string): Promise<AuditRow[]> =>
    (await plan.leader.get(`/audit-events?actorId=${actorId}&limit=200`)).body.items.filter((e: AuditRow) => e.action === action);

  it("records a caseworker's refused read of a resident not shared with them: who tried, and which resident", async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Ulla', lastName: 'Udelt', confirmNotDuplicate: true });
    const refused = await plan.caseworker.get(`/residents/${resident.id}`);
    expect(refused.status).toBe(404);
    const events = await eventsBy(plan.caseworker.user.id, 'read.refused');
    expect(events).toEqual([
      expect.objectContaining({ actorId: plan.caseworker.user.id, actorRole: 'caseworker', planId: plan.planId, residentId: resident.id, entityType: 'resident', entityId: resident.id, purpose: 'access_control' }),
    ]);
  });

  it("records a refused read of a case's notes with the case it named, one event per refused request", async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Ole', lastName: 'Udelt', confirmNotDuplicate: true });
    const kase = await openCase(plan.counsellor, { residentId: resident.id, topic: 'debt', form: 'appointment' });
    for (let i = 0; i < 3; i += 1) expect((await plan.otherCaseworker.get(`/counselling-cases/${kase.id}`)).status).toBe(404);
    const events = await eventsBy(plan.otherCaseworker.user.id, 'read.refused');
    expect(events.filter((e) => e.entityId === kase.id)).toHaveLength(3);
    expect(events[0]).toMatchObject({ entityType: 'counselling_case', residentId: null });
  });

  it("records a role's refused read of the audit log itself", async () => {
    expect((await plan.counsellor.get('/audit-events')).status).toBe(403);
    expect(await owner.count(`audit_events WHERE actor_id = $1 AND action = 'read.refused' AND entity_type = 'audit_event'`, [plan.counsellor.user.id])).toBe(1);
  });

  it('records no refused read for a request without a valid token, nor for a refused change (only reads are attributed here)', async () => {
    const before = await owner.count(`audit_events WHERE action = 'read.refused'`, []);
    expect((await t.http().get(`${API}/residents`)).status).toBe(401);
    expect((await plan.caseworker.get('/no-such-route')).status).toBe(404);
    expectStatus(await plan.leader.post('/residents', { housingAreaId: plan.areas.eligible, firstName: 'X' }), 403, 'refused change');
    expect(await owner.count(`audit_events WHERE action = 'read.refused'`, [])).toBe(before);
  });

  it('records who read the audit log and with which filters, under the plan that was read', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Filter', confirmNotDuplicate: true });
    const from = '2020-01-01T00:00:00.000Z';
    expectStatus(await plan.leader.get(`/audit-events?residentId=${resident.id}&from=${from}`), 200, 'leader reads');
    expectStatus(await plan.admin.get(`/audit-events?planId=${plan.planId}&actorId=${plan.counsellor.user.id}`), 200, 'admin reads');
    const reads: AuditRow[] = (await plan.leader.get(`/audit-events?limit=200`)).body.items.filter((e: AuditRow) => e.action === 'audit_log.read');
    const byLeader = reads.find((e) => e.actorId === plan.leader.user.id && e.residentId === resident.id);
    expect(byLeader).toMatchObject({ purpose: 'oversight', entityType: 'audit_log', planId: plan.planId });
    expect(byLeader!.changes!.after).toMatchObject({ residentId: resident.id, from, actorId: null });
    const byAdmin = reads.find((e) => e.actorRole === 'admin');
    expect(byAdmin).toMatchObject({ planId: plan.planId, changes: { after: expect.objectContaining({ planId: plan.planId, actorId: plan.counsellor.user.id }) } });
    // The resident's access log shows that the log of their data was read.
    const accessLog = await plan.counsellor.get(`/residents/${resident.id}/access-log`);
    expect(accessLog.status).toBe(200);
    expect(accessLog.body.items.map((e: { action: string }) => e.action)).toContain('audit_log.read');
  });
});

describe('the audit log of a read refused for want of step-up', () => {
  const jwtSecret = randomBytes(32).toString('hex');
  const owner = ownerDatabase();

  it('records a read refused for want of a recent sign-in with a second factor (step-up)', async () => {
    // Passport keeps one 'jwt' strategy per process: the app started last checks every token, so this
    // plan's first app is not used again once the second has started.
    const t = await createTestApp({ jwtSecret });
    const plan = await createPlan(t, 'Step-up afvist');
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Sanne', lastName: 'Stepup', confirmNotDuplicate: true });
    const kase = await openCase(plan.counsellor, { residentId: resident.id, topic: 'health', form: 'appointment' });
    // The same deployment once counsellors must use a second factor: the password-only session is still open.
    const after = await createTestApp({ jwtSecret, mfaRequiredRoles: ['counsellor'] });
    try {
      const notes = await after.http().get(`${API}/counselling-cases/${kase.id}`).set('Authorization', `Bearer ${plan.counsellor.token}`);
      expect([notes.status, notes.body.code]).toEqual([401, 'step_up_required']);
    } finally {
      await after.close();
      await t.close();
    }
    expect(await owner.count(`audit_events WHERE actor_id = $1 AND action = 'read.refused' AND entity_id = $2`, [plan.counsellor.user.id, kase.id])).toBe(1);
  });
});
