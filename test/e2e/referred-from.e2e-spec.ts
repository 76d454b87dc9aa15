import { expectStatus, openCase, registerResident, withPlan, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { programmeFixtures } from '../support/programme-fixtures';

describe('where a resident came from (referredFrom)', () => {
  let plan: PlanFixture;
  withPlan((world) => ({ plan } = world), 'Ishøj brobygning');
  const owner = ownerDatabase();

  it("keeps that the school sent Sara to counselling, and shows it on her case", async () => {
    const sara = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Sara', birthYear: 2006, gender: 'female' });
    const opened = await plan.counsellor.post('/counselling-cases', { residentId: sara.id, topic: 'education', form: 'outreach', referredFrom: 'school' });
    expect(opened.status).toBe(201);
    expect(opened.body.referredFrom).toBe('school');
    expect((await plan.counsellor.get(`/counselling-cases/${opened.body.id}`)).body.referredFrom).toBe('school');
    expect((await plan.counsellor.get(`/counselling-cases?residentId=${sara.id}`)).body.items[0].referredFrom).toBe('school');
  });

  it('leaves it unknown (null) when nobody says, and refuses a value that is not on the list (400)', async () => {
    const ali = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName: 'Ali', gender: 'male' });
    const kase = await openCase(plan.counsellor, { residentId: ali.id, topic: 'debt', form: 'open_drop_in' });
    expect((await plan.counsellor.get(`/counselling-cases/${kase.id}`)).body.referredFrom).toBeNull();
    const wrong = await plan.counsellor.post('/counselling-cases', { residentId: ali.id, topic: 'housing', form: 'open_drop_in', referredFrom: 'neighbour' });
    expect(wrong.status).toBe(400);
  });

  it("keeps that the municipal youth service sent Amira to her leisure-job programme, and shows it on the programme", async () => {
    const fx = programmeFixtures(plan);
    const amira = await fx.youthWithConsent('Amira');
    const res = await plan.socialWorker.post('/job-programmes', { residentId: amira.id, referredFrom: 'youth_service' });
    expectStatus(res, 201, 'start programme');
    expect(res.body.referredFrom).toBe('youth_service');
    expect((await plan.socialWorker.get(`/job-programmes/${res.body.id}`)).body.referredFrom).toBe('youth_service');
    expect((await plan.socialWorker.get('/job-programmes')).body.items.find((p: { id: string }) => p.id === res.body.id).referredFrom).toBe('youth_service');
    expect((await plan.socialWorker.post('/job-programmes', { residentId: amira.id, referredFrom: 'police' })).status).toBe(400);
  });

  it('is held to the same list by the database, whoever writes', async () => {
    for (const table of ['counselling_cases', 'job_programmes']) {
      await expect(owner.query(`UPDATE ${table} SET referred_from = 'neighbour' WHERE plan_id = $1`, [plan.planId])).rejects.toThrow(/referred_from/);
    }
  });
});
