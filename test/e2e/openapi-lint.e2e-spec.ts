import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DECORATORS } from '@nestjs/swagger';
import { declaredRoutes } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';

interface Operation {
  operationId?: string;
  summary?: string;
  security?: unknown[];
  [extension: `x-${string}`]: unknown;
}
type Document = { paths: Record<string, Record<string, Operation>>; security?: unknown[]; components: { schemas: Record<string, unknown> } };

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

/** Lints the document with @redocly/cli and the repository's redocly.yaml, as `npm run lint:openapi` does. */
function redoclyLint(document: Document): LintProblem[] {
  const dir = mkdtempSync(join(tmpdir(), 'helhedsplan-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const run = spawnSync(join(process.cwd(), 'node_modules/.bin/redocly'), ['lint', file, '--config', join(process.cwd(), 'redocly.yaml'), '--format=json'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeout: 60_000,
    });
    if (!run.stdout) throw new Error(`redocly lint did not answer: ${run.error?.message ?? run.stderr}`);
    return (JSON.parse(run.stdout) as { problems: LintProblem[] }).problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the OpenAPI document as a product a generated client relies on', () => {
  let t: TestApp;
  let document: Document;
  // Every model class the swagger scanner names while it builds the document, by the schema name it gets.
  const scannedModels = new Map<string, Set<unknown>>();

  beforeAll(async () => {
    // The scanner asks each class for its @ApiSchema name (else it takes the class name): watching
    // that question sees every DTO of the document, however it is reached (answer, body, nested, extra model).
    const original = Reflect.getOwnMetadata;
    Reflect.getOwnMetadata = function watched(this: unknown, key: unknown, target: object, ...property: [] | [string | symbol]) {
      const value = (original as (...args: unknown[]) => unknown).call(Reflect, key, target, ...property) as { name?: string }[] | undefined;
      if (key === DECORATORS.API_SCHEMA && typeof target === 'function') {
        const name = value?.[value.length - 1]?.name ?? target.name;
        if (!scannedModels.has(name)) scannedModels.set(name, new Set());
        scannedModels.get(name)!.add(target);
      }
      return value;
    } as typeof Reflect.getOwnMetadata;
    try {
      t = await createTestApp();
    } finally {
      Reflect.getOwnMetadata = original;
    }
    document = (await t.http().get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.close());

  it('gives no two DTO classes the same schema name, so no answer takes another answer\'s shape', () => {
    expect(scannedModels.size).toBeGreaterThan(50);
    const shared = [...scannedModels].filter(([, classes]) => classes.size > 1).map(([name, classes]) => `${name}: ${classes.size} classes`);
    expect(shared).toEqual([]);
    // The MFA confirm and passkey register answers have their own schema, not the activity enrolment's.
    expect(document.components.schemas).toHaveProperty('MfaEnrolmentResponse');
    expect(document.paths['/api/v1/auth/mfa/totp/confirm'].post).toMatchObject({
      responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/MfaEnrolmentResponse' } } } } },
    });
  });

  it('passes redocly lint with the recommended rules, without an error', () => {
    const errors = redoclyLint(document)
      .filter((problem) => problem.severity === 'error')
      .map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`);
    expect(errors).toEqual([]);
  }, 60_000);

  it('asks for no token on exactly the routes marked @Public(), and the bearer token everywhere else', () => {
    expect(document.security).toEqual([{ bearer: [] }]);
    const mismatched: string[] = [];
    let publicRoutes = 0;
    for (const route of declaredRoutes(t)) {
      const operation = document.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      if (!operation) continue; // Left out of the document on purpose (the set-password page).
      // operationIds are the controller's and the method's names: stable as long as the code is.
      if (operation.operationId !== `${route.controller}_${route.handler}`) mismatched.push(`${route.method} ${route.url}: operationId ${operation.operationId}`);
      const open = Array.isArray(operation.security) && operation.security.length === 0;
      if (route.isPublic) publicRoutes += 1;
      if (open !== Boolean(route.isPublic)) mismatched.push(`${route.method} ${route.url}: ${route.isPublic ? 'public, but the document asks for a token' : 'needs a token, but the document says none'}`);
      if (Object.keys(operation).some((key) => key.startsWith('x-public'))) mismatched.push(`${route.method} ${route.url}: the public-route marker is left in the document`);
    }
    expect(mismatched).toEqual([]);
    expect(publicRoutes).toBeGreaterThan(20);
  });
});
