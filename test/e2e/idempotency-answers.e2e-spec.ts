import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { KEPT_ANSWER_EXTENSION } from '../../src/idempotency/answer-holds-secrets';
import { addStaff, Caller, createPlan, expectStatus, login, openCase, registerResident, shareCounselling, STAFF_PASSWORD, type PlanFixture } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { waitFor } from '../support/wait-for';
import { API, createTestApp, type TestApp } from '../support/test-app';

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[]; oneOf?: Schema[]; anyOf?: Schema[]; additionalProperties?: Schema | boolean };
interface Operation {
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  [extension: string]: unknown;
}
type Document = { paths: Record<string, Record<string, Operation>>; security?: unknown[]; components: { schemas: Record<string, Schema> } };

/** Field names that hold, or may hold, a secret: a code, a token, a password, a link that signs in. */
const SECRET_LOOKING = /secret|token|password|passphrase|otpauth|recovery|challenge|credential|private|apikey|(^|[a-z])codes?$|loginurl|link$/i;

/** Every field name of a schema, at any depth, following references. */
function fieldNames(document: Document, schema: Schema | undefined, seen = new Set<string>()): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return [];
    seen.add(schema.$ref);
    return fieldNames(document, document.components.schemas[schema.$ref.split('/').pop()!], seen);
  }
  const nested = [schema.items, ...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? []), typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined];
  return [
    ...Object.entries(schema.properties ?? {}).flatMap(([name, property]) => [name, ...fieldNames(document, property, seen)]),
    ...nested.flatMap((s) => fieldNames(document, s, seen)),
  ];
}

/**
 * Kept idempotent answers are replayed to whoever sends the key again for 24 hours, so a route
 * whose answer holds a secret must say that its answer is not kept (@AnswerHoldsSecrets()).
 * Public routes keep nothing (they have no user to keep a key for).
 */
describe('which POST answers the Idempotency-Key store may keep', () => {
  let t: TestApp;
  let document: Document;

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.http().get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.close());

  it('keeps no answer of a signed-in POST whose answer has a secret-looking field', () => {
    const undeclared: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      const operation = item.post;
      if (!operation) continue;
      const answers = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      const fields = answers.flatMap(([, response]) => Object.values(response.content ?? {}).flatMap((media) => fieldNames(document, media.schema)));
      const secrets = fields.filter((f) => SECRET_LOOKING.test(f));
      // The bearer token is the document's global requirement; a public route overrides it with `security: []`.
      const signedIn = (operation.security ?? document.security ?? []).length > 0;
      if (signedIn && secrets.length && operation[KEPT_ANSWER_EXTENSION] !== 'not-kept') undeclared.push(`POST ${path} (${[...new Set(secrets)].join(', ')})`);
    }
    expect(undeclared).toEqual([]);
  });
});

/**
 * A retry with an Idempotency-Key is answered from the store only as a new request would be:
 * not after the session ended, not about a resident since erased or no longer shared with the
 * caller, and never with a secret (issue 20).
 */
describe('a kept answer shown again for a retried request', () => {
  let t: TestApp;
  let plan: PlanFixture;
  const owner = ownerDatabase();

  beforeAll(async () => {
    t = await createTestApp();
    plan = await createPlan(t, 'Gemte svar');
  });
  afterAll(() => t.close());

  const withKey = (caller: Caller, path: string, body: object, key: string) => caller.post(path, body).set('Idempotency-Key', key);
  const keptRow = async (key: string) => (await owner.query(`SELECT answer_state AS state, answer, resident_ids::text[] AS "residentIds" FROM idempotency_keys WHERE key = $1`, [key])).rows[0];

  async function caseOf(firstName: string): Promise<{ residentId: string; caseId: string }> {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName, lastName: 'Gemt', birthDate: '1978-04-12', gender: 'female', confirmNotDuplicate: true });
    const kase = await openCase(plan.counsellor, { residentId: resident.id, topic: 'debt', form: 'appointment', openedAt: new Date(Date.now() - 7_200_000).toISOString() });
    return { residentId: resident.id, caseId: kase.id };
  }

  it("keeps a contact's answer encrypted, tied to its resident, and shows it again to the counsellor who retries", async () => {
    const { residentId, caseId } = await caseOf('Kirsten');
    const key = randomUUID();
    const body = { occurredAt: new Date().toISOString(), channel: 'phone', note: 'Talte om huslejerestancen' };
    const first = await withKey(plan.counsellor, `/counselling-cases/${caseId}/contacts`, body, key);
    expect(first.status).toBe(201);
    const row = await keptRow(key);
    expect(row).toMatchObject({ state: 'kept', residentIds: [residentId] });
    expect(row.answer).toMatch(/^v1\./);
    expect(row.answer).not.toContain('huslejerestancen');
    const retry = await withKey(plan.counsellor, `/counselling-cases/${caseId}/contacts`, body, key);
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 201, body: first.body });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'answer.replayed' AND actor_id = $2 AND purpose = 'counselling'`, [residentId, plan.counsellor.user.id])).toBe(1);
  });

  it("does not show a contact's note again once the resident is erased: the retry is told 410 and nothing is written", async () => {
    const { residentId, caseId } = await caseOf('Jytte');
    const key = randomUUID();
    const body = { occurredAt: new Date().toISOString(), channel: 'phone', note: 'Jytte fortalte om sin gæld' };
    expectStatus(await withKey(plan.counsellor, `/counselling-cases/${caseId}/contacts`, body, key), 201, 'contact');
    expectStatus(await plan.counsellor.post(`/residents/${residentId}/erase`, { reason: 'resident_request' }), 200, 'erase');
    expect(await keptRow(key)).toMatchObject({ state: 'forgotten', answer: null });
    const retry = await withKey(plan.counsellor, `/counselling-cases/${caseId}/contacts`, body, key);
    expect([retry.status, retry.body.code]).toEqual([410, 'idempotency_answer_withdrawn']);
    expect(retry.text).not.toContain('gæld');
    expect(await owner.count(`counselling_contacts WHERE case_id = $1`, [caseId])).toBe(1);
  });

  it("does not show the caseworker the resident's name and referral reason again once the consent is withdrawn", async () => {
    const { residentId, caseId } = await caseOf('Birgit');
    const consent = await shareCounselling(plan.counsellor, residentId, [plan.organisations.jobcenter], { includesNotes: true });
    const referral = await plan.counsellor.post(`/counselling-cases/${caseId}/referrals`, { organisationId: plan.organisations.jobcenter, reason: 'Ønsker hjælp til gældsrådgivning' });
    expectStatus(referral, 201, 'refer');
    const key = randomUUID();
    const accept = () => withKey(plan.caseworker, `/referrals/${referral.body.id}/status`, { status: 'accepted' }, key);
    const first = await accept();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ residentName: 'Birgit Gemt', reason: 'Ønsker hjælp til gældsrådgivning' });
    expect(await keptRow(key)).toMatchObject({ state: 'kept', residentIds: [residentId] });

    const whileShared = await accept();
    expect({ status: whileShared.status, body: whileShared.body }).toEqual({ status: 200, body: first.body });
    expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'answer.replayed' AND actor_id = $2 AND purpose = 'shared_by_consent'`, [residentId, plan.caseworker.user.id])).toBe(1);

    expectStatus(await plan.counsellor.post(`/consents/${consent.id}/withdraw`, { reason: 'Birgit vil ikke dele mere' }), 200, 'withdraw');
    expect(await keptRow(key)).toMatchObject({ state: 'forgotten', answer: null });
    const afterWithdrawal = await accept();
    expect([afterWithdrawal.status, afterWithdrawal.body.code]).toEqual([410, 'idempotency_answer_withdrawn']);
    expect(afterWithdrawal.text).not.toMatch(/Birgit|gældsrådgivning/);
  });

  it('does not show a kept answer about a resident the caller can no longer see, even where nothing told the store (an expired consent)', async () => {
    const { residentId, caseId } = await caseOf('Lone');
    // A consent that runs out in a few seconds.
    await shareCounselling(plan.counsellor, residentId, [plan.organisations.jobcenter], { includesNotes: true, expiresAt: new Date(Date.now() + 4000).toISOString() });
    const referral = await plan.counsellor.post(`/counselling-cases/${caseId}/referrals`, { organisationId: plan.organisations.jobcenter, reason: 'Søger job' });
    expectStatus(referral, 201, 'refer');
    const key = randomUUID();
    const accept = () => withKey(plan.caseworker, `/referrals/${referral.body.id}/status`, { status: 'accepted' }, key);
    expectStatus(await accept(), 200, 'accept');
    await waitFor('the consent to run out', async () => {
      const list = await plan.caseworker.get('/referrals');
      return list.body.items.some((f: { id: string }) => f.id === referral.body.id) ? undefined : true;
    });
    const retry = await accept();
    expect([retry.status, retry.body.code]).toEqual([410, 'idempotency_answer_withdrawn']);
    expect(retry.text).not.toMatch(/Lone|Søger job/);
    expect(await keptRow(key)).toMatchObject({ state: 'forgotten', answer: null });
  });

  it('answers a retried contact from the store only while the session that sent it is open', async () => {
    const signedIn = await login(t, plan.counsellor.user.email, STAFF_PASSWORD);
    const counsellor = new Caller(t, signedIn.accessToken, plan.counsellor.user);
    const { caseId } = await caseOf('Vibeke');
    const key = randomUUID();
    const body = { occurredAt: new Date().toISOString(), channel: 'in_person', note: 'Vibeke kom forbi' };
    expectStatus(await withKey(counsellor, `/counselling-cases/${caseId}/contacts`, body, key), 201, 'contact');
    expectStatus(await t.http().post(`${API}/auth/logout`).send({ refreshToken: signedIn.refreshToken }), 204, 'logout');
    const retry = await withKey(counsellor, `/counselling-cases/${caseId}/contacts`, body, key);
    expect([retry.status, retry.body.code]).toEqual([401, 'session_ended']);
    expect(retry.text).not.toContain('Vibeke');
  });
});

describe('a retried request whose answer held secrets', () => {
  let t: TestApp;
  let plan: PlanFixture;
  const owner = ownerDatabase();

  beforeAll(async () => {
    t = await createTestApp({ mfaRequiredRoles: ['social_worker'] });
    plan = await createPlan(t, 'Hemmelige svar');
  });
  afterAll(() => t.close());

  it('keeps no renewed recovery codes: a retry with the key is told 410 idempotency_answer_not_kept and renews nothing', async () => {
    const { email } = (await addStaff(t, plan, 'social_worker', { name: 'Hanne Hansen' })).user;
    const first = await t.http().post(`${API}/auth/login`).send({ email, password: STAFF_PASSWORD }).expect(200);
    const enrolment = await t.http().post(`${API}/auth/mfa/totp/enrol`).send({ mfaToken: first.body.mfaToken }).expect(200);
    const confirmed = await t.http().post(`${API}/auth/mfa/totp/confirm`).send({ mfaToken: first.body.mfaToken, code: await generate({ secret: enrolment.body.secret }) }).expect(200);
    const renew = (key: string) => t.http().post(`${API}/auth/mfa/recovery-codes`).set('Authorization', `Bearer ${confirmed.body.accessToken}`).set('Idempotency-Key', key).send({});
    const key = randomUUID();
    const renewed = await renew(key);
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    const row = (await owner.query(`SELECT answer_state AS state, answer FROM idempotency_keys WHERE key = $1`, [key])).rows[0];
    expect(row).toEqual({ state: 'withheld', answer: null });

    const retry = await renew(key);
    expect([retry.status, retry.body.code]).toEqual([410, 'idempotency_answer_not_kept']);
    expect(retry.text).not.toContain(renewed.body.recoveryCodes[0]);
    // Nothing ran again: the codes of the first renewal still work.
    const again = await t.http().post(`${API}/auth/login`).send({ email, password: STAFF_PASSWORD }).expect(200);
    const recovered = await t.http().post(`${API}/auth/mfa/recovery`).send({ mfaToken: again.body.mfaToken, code: renewed.body.recoveryCodes[0] });
    expect(recovered.status).toBe(200);
  });
});
