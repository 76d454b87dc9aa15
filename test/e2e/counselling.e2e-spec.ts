import { createPlan, openCase, registerResident, type PlanFixture } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

describe('counselling cases and the counting rule', () => {
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    t = await createTestApp();
    plan = await createPlan(t);
  });
  afterAll(() => t.close());

  it("counts Helle's three matters as three cases", async () => {
    const helle = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Helle', lastName: 'Jensen', gender: 'female', birthYear: 1979 });
    for (const topic of ['family', 'rent_arrears', 'digital_self_service']) {
      await openCase(plan.counsellor, { residentId: helle.id, topic, form: 'open_drop_in', subject: topic === 'family' ? 'Skilsmisse' : undefined });
    }
    const res = await plan.counsellor.get(`/counselling-cases?residentId=${helle.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    expect(new Set(res.body.items.map((c: { topic: string }) => c.topic))).toEqual(new Set(['family', 'rent_arrears', 'digital_self_service']));
  });

  it("keeps Mohammed's months of debt help as one case with many contacts", async () => {
    const mohammed = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Mohammed', gender: 'male' });
    const debtCase = await openCase(plan.counsellor, { residentId: mohammed.id, topic: 'debt', form: 'appointment', openedAt: '2026-01-05T10:00:00+01:00' });
    const contacts = [
      ['2026-01-05T10:00:00+01:00', 'in_person'],
      ['2026-01-19T09:30:00+01:00', 'email'],
      ['2026-02-02T14:00:00+01:00', 'phone'],
      ['2026-03-16T11:00:00+01:00', 'in_person'],
      ['2026-04-20T13:15:00+02:00', 'email'],
    ];
    for (const [occurredAt, channel] of contacts) {
      const res = await plan.counsellor.post(`/counselling-cases/${debtCase.id}/contacts`, { occurredAt, channel, durationMinutes: 30 });
      expect(res.status).toBe(201);
    }
    const again = await plan.counsellor.post('/counselling-cases', { residentId: mohammed.id, topic: 'debt', form: 'open_drop_in' });
    expect(again.status).toBe(409);

    const cases = await plan.counsellor.get(`/counselling-cases?residentId=${mohammed.id}`);
    expect(cases.body.items).toHaveLength(1);
    const detail = await plan.counsellor.get(`/counselling-cases/${debtCase.id}`);
    expect(detail.body.contacts).toHaveLength(5);
  });
});
