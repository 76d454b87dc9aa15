import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Test } from 'supertest';
import { API, createTestApp, type TestApp } from './test-app';
import { TEST_ADMIN, testDatabaseUrl } from './test-env';

/** An authenticated caller: `client.post('/residents').send({...})`. */
export class Caller {
  constructor(
    private readonly t: TestApp,
    readonly token: string,
    readonly user: { id: string; email: string; role: string; organisationId: string | null } = { id: '', email: '', role: '', organisationId: null },
  ) {}

  get(path: string): Test {
    return this.t.http().get(API + path).set('Authorization', `Bearer ${this.token}`);
  }
  post(path: string, body: object = {}): Test {
    return this.t.http().post(API + path).set('Authorization', `Bearer ${this.token}`).send(body);
  }
  patch(path: string, body: object = {}): Test {
    return this.t.http().patch(API + path).set('Authorization', `Bearer ${this.token}`).send(body);
  }
  put(path: string, body: object = {}): Test {
    return this.t.http().put(API + path).set('Authorization', `Bearer ${this.token}`).send(body);
  }
  delete(path: string): Test {
    return this.t.http().delete(API + path).set('Authorization', `Bearer ${this.token}`);
  }
}

export async function login(t: TestApp, email: string, password: string): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await t.http().post(`${API}/auth/login`).send({ email, password });
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function asAdmin(t: TestApp): Promise<Caller> {
  return new Caller(t, (await login(t, TEST_ADMIN.email, TEST_ADMIN.password)).accessToken);
}

function expectStatus(res: { status: number; body: unknown }, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
}

export const STAFF_PASSWORD = 'staff-password-1234';

export interface PlanFixture {
  planId: string;
  areas: { eligible: string; notEligible: string };
  organisations: { jobcenter: string; children: string; school: string; partner: string };
  admin: Caller;
  leader: Caller;
  counsellor: Caller;
  socialWorker: Caller;
  caseworker: Caller;
  /** A caseworker of another municipal organisation in the same plan. */
  otherCaseworker: Caller;
  /** A volunteer of the partner organisation (an NGO): records help, reads no resident (issue 23). */
  volunteer: Caller;
}

/** A fresh plan (tenant) with one housing area of each kind, four organisations and one user per role. */
export async function createPlan(t: TestApp, name = 'Testplan'): Promise<PlanFixture> {
  const admin = await asAdmin(t);
  const tag = randomBytes(4).toString('hex');
  const plan = await admin.post('/plans', { name: `${name} ${tag}`, municipality: 'Ishøj', validFrom: '2025-11-01', validTo: '2029-10-31' });
  expectStatus(plan, 201, 'create plan');
  const planId: string = plan.body.id;
  const area = async (areaName: string, jobProgrammeEligible: boolean) => {
    const res = await admin.post(`/plans/${planId}/housing-areas`, { name: areaName, jobProgrammeEligible });
    expectStatus(res, 201, 'create housing area');
    return res.body.id as string;
  };
  const organisation = async (orgName: string, kind: string) => {
    const res = await admin.post(`/plans/${planId}/organisations`, { name: orgName, kind });
    expectStatus(res, 201, 'create organisation');
    return res.body.id as string;
  };
  const areas = { eligible: await area('Vejleåparken', true), notEligible: await area('Strandparken', false) };
  const organisations = {
    jobcenter: await organisation('Center for Beskæftigelse og Erhverv', 'municipal'),
    children: await organisation('Center for Børn og Forebyggelse', 'municipal'),
    school: await organisation('Vibeholmskolen', 'school'),
    partner: await organisation('Dansk Flygtningehjælp', 'other'),
  };
  const leader = await addStaff(t, { planId, admin }, 'leader', { name: `leader ${tag}` });
  const staff = { planId, admin, leader };
  return {
    planId,
    areas,
    organisations,
    admin,
    leader,
    counsellor: await addStaff(t, staff, 'counsellor', { name: `counsellor ${tag}` }),
    socialWorker: await addStaff(t, staff, 'social_worker', { name: `social_worker ${tag}` }),
    caseworker: await addStaff(t, staff, 'caseworker', { organisationId: organisations.jobcenter, name: `caseworker ${tag}` }),
    otherCaseworker: await addStaff(t, staff, 'caseworker', { organisationId: organisations.children, name: `caseworker ${tag}` }),
    volunteer: await addStaff(t, staff, 'volunteer', { organisationId: organisations.partner, name: `volunteer ${tag}` }),
  };
}

/** A query as the run's database owner, behind the app's back. */
export async function asOwner<R = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as R[];
  } finally {
    await client.end();
  }
}

export interface StaffOptions {
  organisationId?: string;
  email?: string;
  name?: string;
  /** Who invites: the admin unless given. */
  inviter?: Caller;
  /** Who approves where the role needs it: the plan's leader when the admin invited, else the admin. */
  approver?: Caller;
}

/**
 * A staff member made the only way the service allows: invited, the invitation accepted with
 * STAFF_PASSWORD, and, where the role reads case notes (or is a leader asked for in a plan that
 * has one), approved by a second person (issue 20); then signed in. The e-mail with the link goes
 * to a file (or nowhere, without a worker), so the test gives the invitation a link token of its
 * own behind the app's back; should the worker's e-mail replace it in between, it does so again.
 */
export async function addStaff(t: TestApp, plan: { planId: string; admin: Caller; leader?: Caller }, role: string, options: StaffOptions = {}): Promise<Caller> {
  // The suffix starts with a letter: a bare "1234" (one draw in 65,536) is a word of the e-mail
  // that STAFF_PASSWORD contains, and the password policy refuses it as guessable.
  const email = options.email ?? `${role}-${randomBytes(4).toString('hex')}-u${randomBytes(2).toString('hex')}@test.dk`;
  const inviter = options.inviter ?? plan.admin;
  const invited = await inviter.post(`/plans/${plan.planId}/users`, { email, name: options.name ?? `${role} n${randomBytes(2).toString('hex')}`, role, organisationId: options.organisationId });
  expectStatus(invited, 201, `invite ${role}`);
  let accepted: { status: number; body: { status?: string } } | undefined;
  for (let attempt = 0; attempt < 5 && (!accepted || accepted.status === 401); attempt += 1) {
    const token = randomBytes(32).toString('base64url');
    await asOwner(`UPDATE invitations SET token_hash = $2 WHERE id = $1`, [invited.body.id, createHash('sha256').update(token).digest('hex')]);
    accepted = await t.http().post(`${API}/auth/invitations/accept`).send({ token, password: STAFF_PASSWORD });
  }
  expectStatus(accepted!, 200, `accept the invitation as ${role}`);
  const [{ user_id: id }] = await asOwner<{ user_id: string }>(`SELECT user_id FROM invitations WHERE id = $1`, [invited.body.id]);
  if (accepted!.body.status === 'approval_pending') {
    const approver = options.approver ?? (inviter === plan.admin && plan.leader ? plan.leader : plan.admin);
    if (approver.token) {
      expectStatus(await approver.post(`/users/${id}/approve`), 200, `approve the ${role}`);
    } else {
      // An app whose leaders must sign in with a second factor: the fixture's leader has no session
      // (their Caller holds no token), so their approval of the new account is recorded behind the app's back.
      await asOwner(`UPDATE role_requests SET outcome = 'approved', decided_at = now(), decided_by = $2 WHERE user_id = $1 AND decided_at IS NULL`, [id, approver.user.id]);
      await asOwner(`UPDATE users SET active = true WHERE id = $1`, [id]);
    }
  }
  const tokens = await login(t, email, STAFF_PASSWORD);
  return new Caller(t, tokens.accessToken, { id, email, role, organisationId: options.organisationId ?? null });
}

export async function registerResident(caller: Caller, body: object): Promise<{ id: string; pseudonym?: string }> {
  const res = await caller.post('/residents', body);
  expectStatus(res, 201, 'register resident');
  return res.body;
}

export async function openCase(caller: Caller, body: object): Promise<{ id: string; version: number }> {
  const res = await caller.post('/counselling-cases', body);
  expectStatus(res, 201, 'open case');
  return res.body;
}

export { expectStatus };

/** A response's body as bytes (a CSV, XLSX or PDF download), whatever its content type. */
export function asBytes(request: Test): Test {
  return request.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
}

/**
 * The set-up most e2e files share: one app and one plan for all the file's tests, closed after
 * them. `let t: TestApp; let plan: PlanFixture; withPlan((world) => ({ t, plan } = world));`
 */
export function withPlan(receive: (world: { t: TestApp; plan: PlanFixture }) => void, planName?: string): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await createTestApp();
    receive({ t: app, plan: await createPlan(app, planName) });
  });
  afterAll(() => app?.close());
}

/** A resident's written consent, given an hour ago, to share their counselling with these organisations; 201 expected. */
export async function shareCounselling(counsellor: Caller, residentId: string, organisationIds: string[], extra: object = {}): Promise<{ id: string }> {
  const res = await counsellor.post('/consents', {
    residentId,
    scope: 'share_counselling',
    recipientOrganisationIds: organisationIds,
    givenBy: 'resident',
    form: 'written',
    givenAt: new Date(Date.now() - 3_600_000).toISOString(),
    ...extra,
  });
  expectStatus(res, 201, 'give consent');
  return res.body as { id: string };
}
