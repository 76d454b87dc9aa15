import { PROBLEM_CATALOGUE } from '../../src/problem-catalogue';
import { createPlan, type PlanFixture } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

type Response = { $ref?: string; content?: Record<string, { schema?: { $ref?: string } }> };
type Document = {
  paths: Record<string, Record<string, { responses?: Record<string, Response> }>>;
  components: { schemas: Record<string, { properties: { code: { enum: string[] } } }> };
};

describe('refusals a client can act on', () => {
  let t: TestApp;
  let plan: PlanFixture;
  let document: Document;

  beforeAll(async () => {
    t = await createTestApp();
    plan = await createPlan(t, 'Koder');
    document = (await t.http().get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.close());

  it('lists every code in the OpenAPI document, and every refusal of every operation points at that schema', () => {
    expect(document.components.schemas.Problem.properties.code.enum.sort()).toEqual(Object.keys(PROBLEM_CATALOGUE).sort());
    const undescribed: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const refusals = Object.entries(operation.responses ?? {}).filter(([status]) => /^4/.test(status));
        if (!refusals.some(([status]) => status === '4XX')) undescribed.push(`${method} ${path}: no 4XX`);
        for (const [status, response] of refusals) {
          if (response.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem') undescribed.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('answers refusals with a catalogued code, from validation to a missing case', async () => {
    const answers = [
      await plan.counsellor.post('/residents', { name: '' }),
      await plan.counsellor.get('/counselling-cases/00000000-0000-4000-8000-000000000000'),
      await t.http().get('/api/v1/residents'),
      await plan.leader.post('/residents', {}),
      await t.http().get('/api/v1/no-such-route'),
    ];
    for (const answer of answers) {
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Object.keys(PROBLEM_CATALOGUE)).toContain(answer.body.code);
    }
  });
});
