import { type PlanFixture, withPlan } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

describe('HTTP headers and what is served', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Headers');

  it('sends the security headers on API answers, errors and pages', async () => {
    for (const res of [await plan.counsellor.get('/residents'), await t.http().get('/api/v1/nowhere'), await t.http().get('/').set('Accept', 'text/html')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    }
  });

  it('forbids caching of personal data, in answers and in refusals', async () => {
    expect((await plan.counsellor.get('/residents')).headers['cache-control']).toBe('no-store');
    expect((await plan.counsellor.get('/residents/00000000-0000-4000-8000-000000000000')).headers['cache-control']).toBe('no-store');
    expect((await t.http().get('/api/v1/residents')).headers['cache-control']).toBe('no-store');
  });

  it('forbids caching by the route that answered, not by how the path was spelled', async () => {
    // Fastify decodes %61 to "a" when it routes, so this reaches the residents list.
    const encoded = await t.http().get('/%61pi/v1/residents').set('Authorization', `Bearer ${plan.counsellor.token}`);
    expect(encoded.status).toBe(200);
    expect(encoded.headers['cache-control']).toBe('no-store');
  });

  it('serves API docs whose scripts are files of this origin, so the Content-Security-Policy lets them run', async () => {
    const page = await t.http().get('/api/docs');
    expect(page.status).toBe(200);
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect([attributes.includes('src='), body.trim()]).toEqual([true, '']);
    }
  });

  it('does not serve the API docs when they are switched off', async () => {
    const off = await createTestApp({ apiDocs: false });
    try {
      expect((await off.http().get('/api/docs')).status).toBe(404);
      expect((await off.http().get('/api/docs-json')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
