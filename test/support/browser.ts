import AxeBuilder from '@axe-core/playwright';
import chromium from '@sparticuz/chromium';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { generate } from 'otplib';
import { type Browser, chromium as playwright, type Page } from 'playwright-core';
import type { AppConfig } from '../../src/config/app-config';
import { addStaff, asOwner, Caller, createPlan, expectStatus, type PlanFixture, STAFF_PASSWORD } from './fixtures';
import { API, createTestApp, type TestApp } from './test-app';

/**
 * Browser tests (test/browser/*.browser-spec.ts): the built app (dist/web, `npm run build`; `npm
 * test` builds first when it is stale) served by the real service, in a real Chromium from
 * @sparticuz/chromium driven by playwright-core. One browser and one service per test file, a
 * fresh BrowserContext (no cookies, no storage) per test:
 *
 *   const browser = openBrowser(); const web = startWebApp();
 *   it('...', async () => { const page = await browser.page(); await signInThroughUi(page, await web.counsellor()); ... });
 */

// @sparticuz/chromium's arguments are for AWS Lambda; these are the ones that help here.
// --single-process and --no-zygote crash or hang with several pages, and the ones that loosen web
// security would hide exactly what the tests are for (the CSP, same-origin cookies).
const LAMBDA_ONLY = /^--(single-process|no-zygote|disable-web-security|allow-running-insecure-content|disable-site-isolation-trials|headless)/;

/** A browser test's time: Chromium on two shared cores is slow; pass it as it()'s third argument. */
export const BROWSER_TEST_TIMEOUT = 90_000;

export interface BrowserHandle {
  /** A new page in a new, empty context (its own cookies and storage). */
  page: () => Promise<Page>;
}

/** Launches Chromium before the file's tests and closes it (and every context) after. */
export function openBrowser(): BrowserHandle {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await playwright.launch({
      executablePath: await chromium.executablePath(),
      args: chromium.args.filter((arg) => !LAMBDA_ONLY.test(arg)),
      headless: true,
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    page: async () => {
      if (!browser) throw new Error('openBrowser(): the browser is not launched yet (call page() inside a test)');
      const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
      const page = await context.newPage();
      // What the Content-Security-Policy blocked: expectAccessible fails on it (no inline script or style).
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      CSP_REFUSALS.set(page, refused);
      return page;
    },
  };
}

/** A staff member who signs in with a password and an authenticator app. */
export interface WebUser {
  id: string;
  email: string;
  name: string;
  password: string;
  role: string;
  totpSecret: string;
}

export interface WebApp {
  /** http://127.0.0.1:<port> */
  url: string;
  t: () => TestApp;
  plan: () => PlanFixture;
  /** A new user of the plan with an enrolled authenticator app (each test its own, so codes never collide). */
  user: (role: string, options?: { name?: string; organisationId?: string }) => Promise<WebUser>;
  counsellor: () => Promise<WebUser>;
}

/**
 * The service with the built app (WEB_APP_DIR=dist/web) on a free port, second factor required for
 * every role but the platform admin, and a plan (createPlan) for its users.
 */
export function startWebApp(overrides: Partial<AppConfig> = {}): WebApp {
  let t: TestApp | undefined;
  let plan: PlanFixture | undefined;
  const app: WebApp = {
    url: '',
    t: () => t!,
    plan: () => plan!,
    user: async (role, options = {}) => {
      const name = options.name ?? `Helle ${role} ${randomBytes(2).toString('hex')}`;
      const staff = await addStaff(t!, plan!, role, { name, organisationId: options.organisationId, email: `${role}-${randomBytes(4).toString('hex')}@test.dk` });
      const totpSecret = await enrolTotp(t!, staff.user.email);
      return { id: staff.user.id, email: staff.user.email, name, password: STAFF_PASSWORD, role, totpSecret };
    },
    counsellor: () => app.user('counsellor', { name: 'Rasmus Rådgiver' }),
  };
  beforeAll(async () => {
    t = await createTestApp({ webAppDir: path.resolve('dist/web'), mfaRequiredRoles: ['leader', 'counsellor', 'social_worker', 'caseworker', 'volunteer'], ...overrides });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    app.url = (await t.app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
    plan = await createPlan(t, 'Browser');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });
  return app;
}

/** Enrols an authenticator app through the API, as the first sign-in would; answers its secret. */
async function enrolTotp(t: TestApp, email: string): Promise<string> {
  const first = await t.http().post(`${API}/auth/login`).send({ email, password: STAFF_PASSWORD });
  if (first.body.status !== 'mfa_enrolment_required') throw new Error(`enrol ${email}: expected mfa_enrolment_required, got ${JSON.stringify(first.body)}`);
  const enrolment = await t.http().post(`${API}/auth/mfa/totp/enrol`).send({ mfaToken: first.body.mfaToken });
  const confirmed = await t.http().post(`${API}/auth/mfa/totp/confirm`).send({ mfaToken: first.body.mfaToken, code: await generate({ secret: enrolment.body.secret }) });
  if (confirmed.status !== 200) throw new Error(`enrol ${email}: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return enrolment.body.secret as string;
}

/** A code the service accepts now: each time step works once, so the last used step is moved back first. */
export async function freshTotpCode(user: WebUser): Promise<string> {
  await asOwner(`UPDATE mfa_totp SET last_time_step = last_time_step - 2 WHERE user_id = $1`, [user.id]);
  return generate({ secret: user.totpSecret });
}

/** The user's API session, signed in with password and authenticator code as the app would: for a test's set-up and its checks against the API. */
export async function apiSession(web: WebApp, user: WebUser): Promise<Caller> {
  const t = web.t();
  const first = await t.http().post(`${API}/auth/login`).send({ email: user.email, password: user.password });
  expectStatus(first, 200, 'password step');
  const second = await t.http().post(`${API}/auth/mfa/totp`).send({ mfaToken: first.body.mfaToken, code: await freshTotpCode(user) });
  expectStatus(second, 200, 'authenticator step');
  return new Caller(t, second.body.accessToken, { id: user.id, email: user.email, role: user.role, organisationId: null });
}

/** Signs in at /log-ind as a person would: e-mail, password, "Log ind", the app's code, "Fortsæt". */
export async function signInThroughUi(page: Page, user: WebUser, baseUrl?: string): Promise<void> {
  if (baseUrl || !page.url().includes('/log-ind')) await page.goto(`${baseUrl ?? new URL(page.url()).origin}/log-ind`);
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Adgangskode').fill(user.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByLabel('Kode fra din godkendelses-app').fill(await freshTotpCode(user));
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await page.getByRole('button', { name: 'Log ud' }).waitFor();
}

const CSP_REFUSALS = new WeakMap<Page, string[]>();

/** axe-core on the page as it is now; fails listing every serious or critical violation (and anything the CSP refused so far). */
export async function expectAccessible(page: Page): Promise<void> {
  expect(CSP_REFUSALS.get(page) ?? []).toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect({ url: page.url(), violations: serious }).toEqual({ url: page.url(), violations: [] });
}

/** Nothing that looks like a token in localStorage, sessionStorage, IndexedDB or a cookie a script can read. */
export async function expectNoTokenInStorage(page: Page): Promise<void> {
  const stored = await page.evaluate(async () => {
    const dump = (storage: Storage) => Object.fromEntries(Array.from({ length: storage.length }, (_, i) => [storage.key(i)!, storage.getItem(storage.key(i)!)]));
    const databases = 'databases' in indexedDB ? (await indexedDB.databases()).map((d) => d.name ?? '') : [];
    return { local: dump(localStorage), session: dump(sessionStorage), indexedDb: databases, cookie: document.cookie };
  });
  const text = JSON.stringify(stored);
  // A JWT (three base64url parts) or a refresh token (uuid.secret) must not be readable by a script.
  expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[\w-]{20,}/);
  expect(stored.cookie).not.toContain('hp_refresh');
}
