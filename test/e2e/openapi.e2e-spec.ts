import openapiTS, { astToString } from 'openapi-typescript';
import { createTestApp, type TestApp } from '../support/test-app';
import { typeCheck } from '../support/type-check';

interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown; example?: unknown; examples?: unknown }>; headers?: Record<string, unknown> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Every success answer of the operation declares what it carries (204 carries nothing). A route a
 * browser is sent through (single sign-on) answers a redirect instead, which declares its Location.
 */
function untypedAnswers(operation: Operation): string[] {
  const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  const redirects = Object.entries(operation.responses ?? {}).filter(([status, response]) => /^3\d\d$/.test(status) && response.headers?.Location);
  if (successes.length === 0 && redirects.length === 0) return ['no success response declared'];
  return successes
    .filter(([status, response]) => status !== '204' && !Object.values(response.content ?? {}).some((media) => media.schema || media.example || media.examples))
    .map(([status]) => `${status} without a schema`);
}

describe('the OpenAPI document clients are generated from', () => {
  let t: TestApp;
  let document: Document;

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.http().get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.close());

  it('declares the shape of every answer of every operation', () => {
    const untyped: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        for (const problem of untypedAnswers(operation)) untyped.push(`${method.toUpperCase()} ${path}: ${problem}`);
      }
    }
    expect(untyped).toEqual([]);
  });

  it('generates TypeScript types that compile and name every operation', async () => {
    const generated = astToString(await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]));

    // A client's own code: it reaches every operation through the generated `paths` (and `operations`
    // by operationId) and reads its responses; a missing operation or a broken type fails to compile.
    const uses: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        uses.push(`paths[${JSON.stringify(path)}][${JSON.stringify(method)}]['responses']`);
        if (operation.operationId) uses.push(`operations[${JSON.stringify(operation.operationId)}]['responses']`);
      }
    }
    expect(uses.length).toBeGreaterThan(0);
    const client = [
      "import type { operations, paths } from './api';",
      ...uses.map((use, i) => `export type Use${i} = ${use};`),
    ].join('\n');

    expect(typeCheck({ '/openapi-client/api.ts': generated, '/openapi-client/client.ts': client })).toEqual([]);
  });
});
