import { createPlan, expectStatus, registerResident, type PlanFixture, withPlan } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { type TestApp } from '../support/test-app';

/** Possible duplicate residents (issue 12, part 10): one person registered twice is counted twice in every report. */
describe('registering a resident who may already be registered', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world));
  const owner = ownerDatabase();

  let area: string;
  beforeAll(() => {
    area = plan.areas.eligible;
  });
  const register = (body: object) => plan.counsellor.post('/residents', { housingAreaId: area, ...body });

  it('names Helle Jensen, born 12 April 1978, when she is registered again, and registers nobody', async () => {
    const helle = await registerResident(plan.counsellor, { housingAreaId: area, firstName: 'Helle', lastName: 'Jensen', birthDate: '1978-04-12' });
    const again = await register({ firstName: 'Helle', lastName: 'Jensen', birthDate: '1978-04-12', gender: 'female' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'possible_duplicate', duplicateIds: [helle.id] });
    expect(await owner.count(`residents WHERE plan_id = $1 AND last_name = 'Jensen'`, [plan.planId])).toBe(1);
  });

  it('compares names without regard to case and white space, but not across birth dates', async () => {
    const anne = await registerResident(plan.counsellor, { housingAreaId: area, firstName: 'Anne Marie', lastName: 'Sørensen', birthDate: '1965-09-01' });
    const sloppy = await register({ firstName: '  anne  MARIE', lastName: 'sørensen ', birthDate: '1965-09-01' });
    expect(sloppy.status).toBe(409);
    expect(sloppy.body.duplicateIds).toEqual([anne.id]);
    const allInFirstName = await register({ firstName: 'Anne Marie Sørensen', birthDate: '1965-09-01' });
    expect(allInFirstName.status).toBe(409);
    expectStatus(await register({ firstName: 'Anne Marie', lastName: 'Sørensen', birthDate: '1966-09-01' }), 201, 'another birth date');
    expectStatus(await register({ firstName: 'Anne Marie', lastName: 'Sørensen' }), 201, 'no birth date: the name alone is not enough');
    // Spelling is the person's own: ø is not o.
    expectStatus(await register({ firstName: 'Anne Marie', lastName: 'Sorensen', birthDate: '1965-09-01' }), 201, 'another spelling');
  });

  it('compares phones on their digits, with or without +45 or 0045', async () => {
    const ahmad = await registerResident(plan.counsellor, { housingAreaId: area, firstName: 'Ahmad', phone: '+45 41 42 43 44' });
    for (const phone of ['41424344', '0045 41 42 43 44', '+4541424344', '45 41 42 43 44']) {
      const res = await register({ firstName: 'A.', lastName: 'Ahmad', phone });
      expect({ phone, status: res.status, ids: res.body.duplicateIds }).toEqual({ phone, status: 409, ids: [ahmad.id] });
    }
    expectStatus(await register({ firstName: 'Ahmad', phone: '+46 41 42 43 44' }), 201, 'a Swedish number is another number');
  });

  it('registers a different person with the same phone when the counsellor confirms it, and audits that choice', async () => {
    const mother = await registerResident(plan.counsellor, { housingAreaId: area, firstName: 'Zainab', lastName: 'Ali', phone: '20 11 22 33' });
    const refused = await register({ firstName: 'Yasmin', lastName: 'Ali', phone: '20 11 22 33' });
    expect(refused.body.duplicateIds).toEqual([mother.id]);
    const daughter = await register({ firstName: 'Yasmin', lastName: 'Ali', phone: '20 11 22 33', confirmNotDuplicate: true });
    expectStatus(daughter, 201, 'confirmed');
    const events = await owner.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [daughter.body.id]);
    expect(events.rows).toEqual([{ action: 'resident.registered_despite_possible_duplicates' }]);
    // Both are named to the next one who shares the phone.
    const third = await register({ firstName: 'Omar', lastName: 'Ali', phone: '+45 20112233' });
    expect(new Set(third.body.duplicateIds)).toEqual(new Set([mother.id, daughter.body.id]));
  });

  it('audits a registration without possible duplicates as an ordinary one, confirmed or not', async () => {
    const res = await register({ firstName: 'Emir', lastName: 'Demir', birthDate: '1999-01-01', confirmNotDuplicate: true });
    expectStatus(res, 201, 'register');
    expect((await owner.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [res.body.id])).rows).toEqual([{ action: 'resident.registered' }]);
  });

  it('never matches an erased resident', async () => {
    const peter = await registerResident(plan.counsellor, { housingAreaId: area, firstName: 'Peter', lastName: 'Madsen', birthDate: '1950-05-05', phone: '51 52 53 54' });
    expectStatus(await plan.counsellor.post(`/residents/${peter.id}/erase`, { reason: 'resident_request' }), 200, 'erase');
    expectStatus(await register({ firstName: 'Peter', lastName: 'Madsen', birthDate: '1950-05-05', phone: '51 52 53 54' }), 201, 'register anew');
  });

  it('never names a resident of another compartment or plan, nor hints that one exists', async () => {
    const body = { firstName: 'Sara', lastName: 'Khan', birthDate: '2011-03-03', phone: '61 62 63 64' };
    await registerResident(plan.socialWorker, { housingAreaId: area, ...body });
    expectStatus(await register(body), 201, 'the counsellors do not see the social workers\' residents');
    const other = await createPlan(t, 'Anden plan');
    expectStatus(await other.counsellor.post('/residents', { housingAreaId: other.areas.eligible, ...body }), 201, 'another plan');
  });

  it('gives one 201 and one 409 for two identical registrations at the same moment', async () => {
    const body = { firstName: 'Mette', lastName: 'Larsen', birthDate: '1988-08-08', phone: '71 72 73 74' };
    const answers = await Promise.all([register(body), register(body), register(body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const created = answers.find((r) => r.status === 201)?.body.id;
    for (const refused of answers.filter((r) => r.status === 409)) expect(refused.body.duplicateIds).toEqual([created]);
    const byPhoneOnly = await Promise.all([register({ firstName: 'X', phone: '81 82 83 84' }), register({ firstName: 'Y', phone: '+45 81828384' })]);
    expect(byPhoneOnly.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('names the possible duplicate when a change makes a record match another, and takes the change once confirmed', async () => {
    const first = await registerResident(plan.counsellor, { housingAreaId: area, firstName: 'Kim', phone: '91 92 93 94' });
    const second = await registerResident(plan.counsellor, { housingAreaId: area, firstName: 'Kim', lastName: 'B' });
    const clash = await plan.counsellor.patch(`/residents/${second.id}`, { phone: '+45 91 92 93 94' });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'possible_duplicate', duplicateIds: [first.id] });
    expectStatus(await plan.counsellor.patch(`/residents/${second.id}`, { phone: '+45 91 92 93 94', confirmNotDuplicate: true }), 200, 'confirmed change');
    expect((await owner.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'resident.%' ORDER BY occurred_at`, [second.id])).rows.map((r: { action: string }) => r.action))
      .toEqual(['resident.registered', 'resident.updated', 'resident.confirmed_not_duplicate']);
  });

  it('is for the compartments\' roles only (the caseworker\'s is the job centre\'s caseload), as registering always was', async () => {
    for (const caller of [plan.leader]) expect((await caller.post('/residents', { housingAreaId: area, firstName: 'Nina' })).status).toBe(403);
  });
});
