import { API, type TestApp } from '../support/test-app';
import { addStaff, createPlan, login, STAFF_PASSWORD, type PlanFixture, withPlan } from '../support/fixtures';

describe('plans, housing areas, organisations and users', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world));

  // Issue 20: the admin used to provision users with an initial password; nobody sets another person's password now.
  it('lets the admin invite a counsellor, never give one a password, and refuses an e-mail the plan has', async () => {
    const withPassword = await plan.admin.post(`/plans/${plan.planId}/users`, { email: 'Ny.Raadgiver@Test.dk', name: 'Ny Rådgiver', password: STAFF_PASSWORD, role: 'counsellor' });
    expect([withPassword.status, withPassword.body.code]).toEqual([400, 'password_not_allowed']);
    const res = await plan.admin.post(`/plans/${plan.planId}/users`, { email: 'Ny.Raadgiver@Test.dk', name: 'Ny Rådgiver', role: 'counsellor' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'ny.raadgiver@test.dk', role: 'counsellor', planId: plan.planId, status: 'invited' });
    const duplicate = await plan.admin.post(`/plans/${plan.planId}/users`, { email: plan.counsellor.user.email, name: 'X', role: 'counsellor' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('email_in_use');
  });

  it('requires a caseworker to belong to one of the plan\'s organisations', async () => {
    const none = await plan.leader.post(`/plans/${plan.planId}/users`, { email: 'cw-none@test.dk', name: 'X', role: 'caseworker' });
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('role_organisation_mismatch');
    expect(none.body.errors[0].field).toBe('organisationId');
    const other = await createPlan(t, 'Anden plan');
    const foreign = await plan.leader.post(`/plans/${plan.planId}/users`, { email: 'cw-foreign@test.dk', name: 'X', role: 'caseworker', organisationId: other.organisations.jobcenter });
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('organisation_not_in_plan');
  });

  it('ends a deactivated user\'s access at once, access token and refresh token alike', async () => {
    const leaving = await addStaff(t, plan, 'counsellor');
    const email = leaving.user.email;
    const created = { body: { id: leaving.user.id } };
    const session = await login(t, email, STAFF_PASSWORD);
    const me = await t.http().get(`${API}/me`).set('Authorization', `Bearer ${session.accessToken}`);
    expect(me.status).toBe(200);

    const deactivated = await plan.leader.patch(`/users/${created.body.id}`, { active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    const after = await t.http().get(`${API}/me`).set('Authorization', `Bearer ${session.accessToken}`);
    expect(after.status).toBe(401);
    const refresh = await t.http().post(`${API}/auth/refresh`).send({ refreshToken: session.refreshToken });
    expect(refresh.status).toBe(401);
    const relogin = await t.http().post(`${API}/auth/login`).send({ email, password: STAFF_PASSWORD });
    expect(relogin.status).toBe(401);
  });

  it('refuses duplicate housing areas, and plans whose period ends before it starts', async () => {
    const dup = await plan.admin.post(`/plans/${plan.planId}/housing-areas`, { name: 'Vejleåparken' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_housing_area');
    const dupOrganisation = await plan.admin.post(`/plans/${plan.planId}/organisations`, { name: 'Center for Beskæftigelse og Erhverv', kind: 'municipal' });
    expect([dupOrganisation.status, dupOrganisation.body.code]).toEqual([409, 'duplicate_organisation']);
    const backwards = await plan.admin.post('/plans', { name: 'Baglæns', municipality: 'Varde', validFrom: '2029-01-01', validTo: '2025-01-01' });
    expect(backwards.status).toBe(422);
    expect(backwards.body.code).toBe('plan_period');
    const notADate = await plan.admin.post('/plans', { name: 'X', municipality: 'Varde', validFrom: '01-01-2025', validTo: '2029-01-01' });
    expect(notADate.status).toBe(400);
    expect(notADate.body.errors[0].field).toBe('validFrom');
  });

  it('lets the admin look into a plan\'s areas, organisations and users', async () => {
    const areas = await plan.admin.get(`/plans/${plan.planId}/housing-areas`);
    expect(areas.body.items.map((a: { name: string }) => a.name)).toEqual(['Strandparken', 'Vejleåparken']);
    const users = await plan.admin.get(`/plans/${plan.planId}/users`);
    expect(users.body.items.length).toBeGreaterThanOrEqual(5);
    const mine = await plan.leader.get('/users');
    expect(mine.status).toBe(200);
  });
});
