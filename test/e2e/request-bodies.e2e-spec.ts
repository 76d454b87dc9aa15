import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createPlan, type PlanFixture } from '../support/fixtures';
import { API, createTestApp, type TestApp } from '../support/test-app';

const PROBLEM_JSON = /^application\/problem\+json/;

/** How the API takes a request body at its edge: what it refuses, and how large a refusal can be. */
describe('request bodies at the edge', () => {
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    t = await createTestApp();
    plan = await createPlan(t, 'Kanten');
  });
  afterAll(() => t.close());

  const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    let request = t.http().post(API + path).set('Authorization', `Bearer ${plan.counsellor.token}`).set('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(headers)) request = request.set(name, value);
    return request.send(body);
  };

  describe('a refusal with a list', () => {
    it('answers a body of 6,000 unknown keys with the first 20 problems and the count of those left out, in a few KB', async () => {
      const body = JSON.stringify(Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`k${i}`, 1])));
      expect(body.length).toBeGreaterThan(50_000);
      const res = await post('/residents', body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.errors).toHaveLength(20);
      expect(res.body.errorCount).toBeGreaterThanOrEqual(6000);
      expect(res.body.errorsOmitted).toBe(res.body.errorCount - 20);
      expect(res.body.detail).toMatch(/and \d+ more/);
      expect(res.text.length).toBeLessThan(8_000);
    });

    it('shortens a field name of 40,000 characters that it names back', async () => {
      const res = await post('/residents', JSON.stringify({ ['x'.repeat(40_000)]: 1 }));
      expect(res.status).toBe(400);
      expect(res.text.length).toBeLessThan(4_000);
      expect(res.body.errors[0].field.length).toBeLessThanOrEqual(200);
      expect(res.body.errorsOmitted).toBeUndefined();
    });
  });

  describe('Content-Encoding of a body', () => {
    const body = JSON.stringify({ housingAreaId: '00000000-0000-4000-8000-000000000000', firstName: 'Komprimeret' });

    it.each([
      ['gzip', gzipSync(body)],
      ['deflate', Buffer.from(body)],
      ['br', Buffer.from(body)],
      ['x-unknown', Buffer.from(body)],
      ['gzip, identity', gzipSync(body)],
      ['identity, gzip', gzipSync(body)],
    ])('refuses a body in %p with 415 unsupported_content_encoding, saying identity is what it takes', async (encoding, bytes) => {
      const res = await post('/residents', bytes, { 'Content-Encoding': encoding });
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.code).toBe('unsupported_content_encoding');
      expect(res.headers['accept-encoding']).toBe('identity');
    });

    it('takes a body declared identity as it is', async () => {
      const res = await post('/residents', JSON.stringify({ housingAreaId: plan.areas.eligible, firstName: 'Ukomprimeret' }), { 'Content-Encoding': 'identity' });
      expect(res.status).toBe(201);
    });

    it('refuses the encoding before the token is looked at: a sign-in in gzip is 415 too', async () => {
      const res = await t.http().post(`${API}/auth/login`).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send(gzipSync('{"email":"a@b.dk","password":"x"}'));
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('unsupported_content_encoding');
    });
  });

  describe('Content-Type of a body', () => {
    it.each([
      ['text/plain'],
      ['application/xml'],
      ['application/jsonx'],
      ['application/json-patch+json'],
      ['multipart/form-data; boundary=x'],
      ['application/x-www-form-urlencoded'],
      ['application/json; charset=latin1'],
      ['nonsense'],
    ])('refuses %p with 415 and a code, not 400 or 500', async (contentType) => {
      const res = await t.http().post(`${API}/residents`).set('Authorization', `Bearer ${plan.counsellor.token}`).set('Content-Type', contentType).send('{"firstName":"x"}');
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.code).toBe('unsupported_media_type');
    });
  });

  describe('Transfer-Encoding', () => {
    /** Sends bytes as they are (supertest would fix the framing) and reads the status line. */
    function raw(request: string): Promise<number> {
      return new Promise((resolve, reject) => {
        const address = t.app.getHttpServer().address() ?? t.app.getHttpServer().listen(0).address();
        const socket = connect((address as { port: number }).port, '127.0.0.1');
        let answer = '';
        socket.on('data', (chunk) => {
          answer += chunk.toString('latin1');
          const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
          if (status) {
            socket.destroy();
            resolve(Number(status[1]));
          }
        });
        socket.on('error', reject);
        socket.on('end', () => resolve(0));
        socket.write(request);
      });
    }
    const head = (extra: string) =>
      `POST ${API}/residents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${plan.counsellor.token}\r\nContent-Type: application/json\r\n${extra}\r\n`;

    it.each([
      ['gzip, chunked', 'Transfer-Encoding: gzip, chunked\r\n', '5\r\n{"a":\r\n2\r\n1}\r\n0\r\n\r\n'],
      ['chunked and a Content-Length', 'Transfer-Encoding: chunked\r\nContent-Length: 7\r\n', '7\r\n{"a":1}\r\n0\r\n\r\n'],
      ['an unknown coding', 'Transfer-Encoding: x-foo\r\n', '{"a":1}'],
      ['a malformed chunk size', 'Transfer-Encoding: chunked\r\n', 'zz\r\n{"a":1}\r\n0\r\n\r\n'],
      ['chunked twice', 'Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n', '7\r\n{"a":1}\r\n0\r\n\r\n'],
    ])('answers %s with a 4xx, never a 5xx', async (_label, headers, body) => {
      const status = await raw(head(headers) + body);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    });
  });
});
