import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createPlan, openCase, registerResident, type PlanFixture, withPlan } from '../support/fixtures';
import { type TestApp } from '../support/test-app';

interface AuditRow {
  action: string;
  actorId: string;
  actorRole: string;
  residentId: string | null;
  purpose: string;
  requestId: string | null;
  occurredAt: string;
}

describe('the audit log of residents\' personal data', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world));

  async function eventsFor(residentId: string): Promise<AuditRow[]> {
    const res = await plan.leader.get(`/audit-events?residentId=${residentId}&limit=200`);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  it('writes an event with actor, resident, purpose and request id for every read and change', async () => {
    const res = await plan.counsellor.post('/residents', { housingAreaId: plan.areas.eligible, firstName: 'Aisha' }).set('X-Request-Id', 'drop-in-42');
    expect(res.status).toBe(201);
    const residentId = res.body.id;
    await plan.counsellor.get(`/residents/${residentId}`);
    await plan.counsellor.get('/residents?q=Aisha');
    const c = await openCase(plan.counsellor, { residentId, topic: 'benefits', form: 'open_drop_in' });
    await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: new Date().toISOString(), channel: 'in_person' });
    await plan.counsellor.get(`/counselling-cases/${c.id}`);
    await plan.counsellor.get(`/counselling-cases?residentId=${residentId}`);

    const events = await eventsFor(residentId);
    expect(events.map((e) => e.action).reverse()).toEqual([
      'resident.registered',
      'resident.read',
      'resident.listed',
      'counselling_case.opened',
      'counselling_contact.recorded',
      'counselling_case.read',
      'counselling_case.listed',
    ]);
    for (const e of events) {
      expect(e).toMatchObject({ actorId: plan.counsellor.user.id, actorRole: 'counsellor', residentId });
      expect(e.purpose).toEqual(expect.any(String));
      expect(e.requestId).toEqual(expect.any(String));
    }
    expect(events.at(-1)!.requestId).toBe('drop-in-42');
  });

  it('writes no event for a change that was refused', async () => {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Jens' });
    await openCase(plan.counsellor, { residentId: resident.id, topic: 'debt', form: 'open_drop_in' });
    const refused = await plan.counsellor.post('/counselling-cases', { residentId: resident.id, topic: 'debt', form: 'open_drop_in' });
    expect(refused.status).toBe(409);
    const opened = (await eventsFor(resident.id)).filter((e) => e.action === 'counselling_case.opened');
    expect(opened).toHaveLength(1);
  });

  it('cannot be rewritten or deleted by the role the application runs as', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const [{ current_user: role }] = await dataSource.query('SELECT current_user');
    expect(role).toBe('helhedsplan_app');
    await expect(dataSource.query(`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(/permission denied/);
    await expect(dataSource.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
    await expect(dataSource.query('TRUNCATE audit_events')).rejects.toThrow(/permission denied/);
  });

  it('shows the leader their own plan only, lets the admin choose a plan, and filters by actor and time', async () => {
    const other = await createPlan(t, 'Anden plan');
    const outsider = await registerResident(other.counsellor, { housingAreaId: other.areas.eligible, firstName: 'Udenfor' });
    expect(await eventsFor(outsider.id)).toEqual([]);

    const asAdmin = await plan.admin.get(`/audit-events?planId=${other.planId}&residentId=${outsider.id}`);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.items.map((e: AuditRow) => e.action)).toEqual(['resident.registered']);

    const byActor = await plan.leader.get(`/audit-events?actorId=${plan.counsellor.user.id}&from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z`);
    expect(byActor.body.items.length).toBeGreaterThan(0);
    expect(byActor.body.items.every((e: AuditRow) => e.actorId === plan.counsellor.user.id)).toBe(true);
  });
});
