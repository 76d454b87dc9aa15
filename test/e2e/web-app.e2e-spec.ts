import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app';

const INDEX = '<!doctype html><html lang="da"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

describe('The staff web app, served at /', () => {
  let dir: string;
  let t: TestApp;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("app");');
    t = await createTestApp({ webAppDir: dir });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers index.html at / with no-cache, so a new build is picked up at once', async () => {
    const res = await t.http().get('/').set('Accept', 'text/html');
    expect([res.status, res.headers['content-type'], res.headers['cache-control']]).toEqual([200, 'text/html; charset=utf-8', 'no-cache']);
    expect(res.text).toBe(INDEX);
  });

  it('answers the app for its own routes (a reload of /i-dag, the invitation link /set-password)', async () => {
    for (const route of ['/i-dag', '/set-password', '/sager/123/tidslinje']) {
      const res = await t.http().get(route).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
      expect([route, res.status, res.headers['cache-control'], res.text]).toEqual([route, 200, 'no-cache', INDEX]);
    }
    const head = await t.http().head('/i-dag').set('Accept', 'text/html');
    expect(head.status).toBe(200);
  });

  it('keeps an unknown API route a problem+json 404, even when a browser asks for HTML', async () => {
    for (const route of ['/api/v1/unknown', '/api/v1', '/health/nothing']) {
      const res = await t.http().get(route).set('Accept', 'text/html');
      expect([route, res.status, res.headers['content-type']]).toEqual([route, 404, 'application/problem+json; charset=utf-8']);
      expect(res.body.code).toBe('route_not_found');
    }
    expect((await t.http().get('/api/v1/unknown')).headers['cache-control']).toBe('no-store');
  });

  it('does not answer HTML where something else was asked for', async () => {
    const res = await t.http().get('/favicon.ico').set('Accept', 'image/avif,image/webp');
    expect(res.status).toBe(404);
  });

  it('lets browsers keep the hashed assets for a year', async () => {
    const res = await t.http().get('/assets/index-abc123.js');
    expect([res.status, res.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect((await t.http().get('/assets/missing-000.js')).status).toBe(404);
  });

  it('gives the app a Content-Security-Policy without inline script or style', async () => {
    const csp = (await t.http().get('/i-dag').set('Accept', 'text/html')).headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('gives only the API docs inline styles (Swagger UI sets style attributes)', async () => {
    const csp = (await t.http().get('/api/docs')).headers['content-security-policy'] as string;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self'");
  });

  it('starts without a built app and says so at /', async () => {
    const apiOnly = await createTestApp();
    try {
      const res = await apiOnly.http().get('/');
      expect([res.status, res.headers['content-type'], res.body.code]).toEqual([404, 'application/problem+json; charset=utf-8', 'not_found']);
      expect(res.body.detail).toMatch(/web app/);
    } finally {
      await apiOnly.close();
    }
  });
});
