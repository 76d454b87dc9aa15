import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { APP_CONFIG } from '../../src/config/config.module';
import type { AppConfig } from '../../src/config/app-config';
import { BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, freshTotpCode, openBrowser, startWebApp, type WebUser } from '../support/browser';
import { ExchangeCodes } from '../../src/sso/exchange-codes';
import { SsoProviders } from '../../src/sso/sso-providers';
import { asOwner, STAFF_PASSWORD } from '../support/fixtures';
import { API } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * The sign-in's second step and its enrolment in a real Chromium: an invitation that goes straight
 * on to an authenticator app (QR code, recovery codes shown once), a passkey (Chromium's virtual
 * authenticator), a recovery code; axe on every screen, and no token where a script could read it.
 */
describe('signing in with a second factor in the web app', () => {
  const browser = openBrowser();
  // One single sign-on provider, whose issuer cannot be reached: its button, and the way back.
  const providersDir = mkdtempSync(join(tmpdir(), 'hp-sign-in-sso-'));
  const providersFile = join(providersDir, 'providers.json');
  const writeProviders = (returnUrl: string) =>
    writeFileSync(
      providersFile,
      JSON.stringify({
        providers: [
          {
            id: 'kommunen',
            kind: 'oidc',
            displayName: 'Kommunen (Entra ID)',
            returnUrl,
            issuer: 'http://127.0.0.1:9/never-answers',
            clientId: 'helhedsplan',
            clientSecretEnv: 'HP_TEST_SIGN_IN_SSO_SECRET',
            rolesClaim: 'roles',
            roles: { 'Helhedsplan.Caseworker': 'caseworker' },
            mfa: { amr: ['mfa'] },
          },
        ],
      }),
    );
  process.env.HP_TEST_SIGN_IN_SSO_SECRET = 'sign-in-test-secret';
  writeProviders('http://localhost:3000/log-ind/sso');
  const web = startWebApp({ ssoProvidersFile: providersFile });
  afterAll(() => rmSync(providersDir, { recursive: true, force: true }));

  /**
   * WebAuthn takes no IP address as the relying party, so passkey pages are opened at
   * http://localhost:<port>, and the API is told that is its origin.
   */
  const localhost = () => web.url.replace('127.0.0.1', 'localhost');
  beforeAll(() => {
    (web.t().app.get(APP_CONFIG) as AppConfig).webauthnOrigin = localhost();
    // The provider sends the browser back to this app's landing page, now that its port is known.
    writeProviders(`${web.url}/log-ind/sso`);
    expect(web.t().app.get(SsoProviders).reload()).toBe(true);
  });

  /** A caseworker's invitation (no second person approves a caseworker), with a link token of the test's own. */
  async function invitation(): Promise<{ email: string; token: string }> {
    const email = `caseworker-${randomBytes(4).toString('hex')}@test.dk`;
    const plan = web.plan();
    const invited = await plan.admin.post(`/plans/${plan.planId}/users`, { email, name: 'Camilla Sagsbehandler', role: 'caseworker', organisationId: plan.organisations.jobcenter });
    expect(invited.status).toBe(201);
    // The worker e-mails the invitation with a link token of its own; the test's replaces it after that.
    await waitFor('the invitation e-mailed', async () => ((await asOwner(`SELECT 1 FROM invitations WHERE id = $1 AND sent_at IS NOT NULL`, [invited.body.id])).length ? true : undefined));
    const token = randomBytes(32).toString('base64url');
    await asOwner(`UPDATE invitations SET token_hash = $2 WHERE id = $1`, [invited.body.id, createHash('sha256').update(token).digest('hex')]);
    return { email, token };
  }

  /** A page with Chromium's virtual authenticator: a passkey that answers at once, as a fingerprint would. */
  async function pageWithAuthenticator(): Promise<Page> {
    const page = await browser.page();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    return page;
  }

  async function passwordStep(page: Page, base: string, email: string): Promise<void> {
    await page.goto(`${base}/log-ind`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Adgangskode').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
  }

  it('takes an invitation straight on to an authenticator app: password, QR code, first code, recovery codes once, then in', async () => {
    const { email, token } = await invitation();
    const page = await browser.page();
    await page.goto(`${web.url}/set-password#token=${token}`);
    await page.getByRole('heading', { name: 'Vælg din adgangskode' }).waitFor();
    // The link's token leaves the address bar at once.
    expect(page.url()).toBe(`${web.url}/set-password`);
    await expectAccessible(page);

    // A short password and two that differ are refused in Danish, before the API is asked.
    await page.getByLabel('Ny adgangskode').fill('kort');
    await page.getByLabel('Gentag adgangskoden').fill('anden');
    await page.getByRole('button', { name: 'Gem adgangskoden' }).click();
    await page.getByRole('alert').getByText('Adgangskoden skal være mindst 12 tegn.').first().waitFor();
    expect(await page.getByRole('alert').getByText('De to adgangskoder er ikke ens.').isVisible()).toBe(true);
    await expectAccessible(page);
    // The API's refusal of a guessable one comes in Danish too, never its English detail.
    await page.getByLabel('Ny adgangskode').fill('Sommer2025!!!');
    await page.getByLabel('Gentag adgangskoden').fill('Sommer2025!!!');
    await page.getByRole('button', { name: 'Gem adgangskoden' }).click();
    await page.getByRole('alert').getByText('Adgangskoden er for let at gætte. Brug nogle ord, der ikke hænger sammen.').first().waitFor();
    expect(await page.getByText(/guess|characters/).count()).toBe(0);

    await page.getByLabel('Ny adgangskode').fill(STAFF_PASSWORD);
    await page.getByLabel('Gentag adgangskoden').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Gem adgangskoden' }).click();
    await page.getByRole('heading', { name: 'Sæt dit login op' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Brug en godkendelses-app' }).click();

    const qr = page.getByRole('img', { name: /QR-kode/ });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await page.getByText('Kan du ikke scanne? Skriv nøglen ind i stedet').click();
    const secret = (await page.locator('.totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectAccessible(page);
    await page.getByLabel('Kode fra din godkendelses-app').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Bekræft appen' }).click();

    await page.getByRole('heading', { name: 'Dine gendannelseskoder' }).waitFor();
    const codes = await page.getByRole('list', { name: 'Dine gendannelseskoder' }).getByRole('listitem').allInnerTexts();
    expect(codes).toHaveLength(10);
    expect(await page.getByRole('button', { name: 'Kopiér' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Udskriv' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await expectNoTokenInStorage(page);
    expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage, ...sessionStorage })))).not.toContain(codes[0]);
    await page.getByRole('button', { name: 'Jeg har gemt koderne' }).click();

    // In: the caseworker's first screen, and the codes are gone from the page.
    await page.waitForURL(`${web.url}/henvisninger`);
    await page.getByRole('button', { name: 'Log ud' }).waitFor();
    expect(await page.getByText(codes[0]).count()).toBe(0);
    await expectNoTokenInStorage(page);

    // The next sign-in offers the app and the recovery codes; a recovery code works once.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL(`${web.url}/log-ind`);
    await passwordStep(page, web.url, email);
    await page.getByLabel('Kode fra din godkendelses-app').waitFor();
    await page.getByRole('button', { name: 'Brug en gendannelseskode' }).click();
    await page.getByLabel('Gendannelseskode').fill(codes[0]);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.waitForURL(`${web.url}/henvisninger`);

    await page.getByRole('button', { name: 'Log ud' }).click();
    await passwordStep(page, web.url, email);
    await page.getByRole('button', { name: 'Brug en gendannelseskode' }).click();
    await page.getByLabel('Gendannelseskode').fill(codes[0]);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.getByRole('alert').getByText('Gendannelseskoden er forkert eller allerede brugt.').first().waitFor();
    expect(page.url()).toBe(`${web.url}/log-ind`);
  }, BROWSER_TEST_TIMEOUT);

  it('enrols a passkey at the first sign-in and signs in with it the next time, in Chromium\'s virtual authenticator', async () => {
    const { token } = await invitation();
    const page = await pageWithAuthenticator();
    await page.goto(`${localhost()}/set-password#token=${token}`);
    await page.getByLabel('Ny adgangskode').fill(STAFF_PASSWORD);
    await page.getByLabel('Gentag adgangskoden').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Gem adgangskoden' }).click();
    await page.getByRole('button', { name: 'Brug en adgangsnøgle' }).click();
    await page.getByLabel('Navn på adgangsnøglen').fill('Arbejdscomputer');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Registrér adgangsnøglen' }).click();
    await page.getByRole('heading', { name: 'Dine gendannelseskoder' }).waitFor();
    await page.getByRole('button', { name: 'Jeg har gemt koderne' }).click();
    await page.waitForURL(`${localhost()}/henvisninger`);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL(`${localhost()}/log-ind`);

    const email = (await asOwner<{ email: string }>(`SELECT u.email FROM users u JOIN mfa_passkeys p ON p.user_id = u.id WHERE p.name = 'Arbejdscomputer' ORDER BY p.created_at DESC LIMIT 1`))[0].email;
    await passwordStep(page, localhost(), email);
    const passkey = page.getByRole('button', { name: 'Log ind med adgangsnøgle' });
    await passkey.waitFor();
    await expectAccessible(page);
    await passkey.click();
    await page.waitForURL(`${localhost()}/henvisninger`);
    await page.getByRole('button', { name: 'Log ud' }).waitFor();
    await expectNoTokenInStorage(page);
  }, BROWSER_TEST_TIMEOUT);

  it('offers the authenticator code, a passkey where the user has one, and a recovery code, each in Danish', async () => {
    const user: WebUser = await web.user('caseworker', { organisationId: web.plan().organisations.jobcenter });
    const page = await browser.page();
    await passwordStep(page, web.url, user.email);
    await page.getByLabel('Kode fra din godkendelses-app').waitFor();
    // This user has no passkey: no passkey button.
    expect(await page.getByRole('button', { name: 'Log ind med adgangsnøgle' }).count()).toBe(0);
    await page.getByLabel('Kode fra din godkendelses-app').fill('12345');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.getByRole('alert').getByText('Koden er seks cifre.').first().waitFor();
    await page.getByLabel('Kode fra din godkendelses-app').fill(await freshTotpCode(user));
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.waitForURL(`${web.url}/henvisninger`);
  }, BROWSER_TEST_TIMEOUT);

  it('brings a user whose second factor was reset back through the e-mailed link: a new password, then a new app, with no separate sign-in', async () => {
    const user: WebUser = await web.user('caseworker', { organisationId: web.plan().organisations.jobcenter });
    expect((await web.plan().admin.post(`/users/${user.id}/mfa/reset`)).status).toBe(204);
    const link = await waitFor('the reset link e-mailed', async () => (await asOwner<{ id: string }>(`SELECT id FROM password_reset_links WHERE user_id = $1 AND sent_at IS NOT NULL AND used_at IS NULL`, [user.id]))[0]);
    const token = randomBytes(32).toString('base64url');
    await asOwner(`UPDATE password_reset_links SET token_hash = $2 WHERE id = $1`, [link.id, createHash('sha256').update(token).digest('hex')]);

    const page = await browser.page();
    await page.goto(`${web.url}/set-password#reset=${token}`);
    await page.getByText('Dit login er nulstillet. Vælg en ny adgangskode.', { exact: false }).waitFor();
    expect(page.url()).toBe(`${web.url}/set-password`);
    await page.getByLabel('Ny adgangskode').fill('regnvejr fjernsyn blomsterkasse tre');
    await page.getByLabel('Gentag adgangskoden').fill('regnvejr fjernsyn blomsterkasse tre');
    await page.getByRole('button', { name: 'Gem adgangskoden' }).click();
    await page.getByRole('heading', { name: 'Sæt dit login op' }).waitFor();
    await page.getByRole('button', { name: 'Brug en godkendelses-app' }).click();
    await page.getByText('Kan du ikke scanne? Skriv nøglen ind i stedet').click();
    const secret = (await page.locator('.totp-secret').innerText()).replace(/\s/g, '');
    await page.getByLabel('Kode fra din godkendelses-app').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Bekræft appen' }).click();
    await page.getByRole('button', { name: 'Jeg har gemt koderne' }).click();
    await page.waitForURL(`${web.url}/henvisninger`);
    await page.getByRole('button', { name: 'Log ud' }).waitFor();
  }, BROWSER_TEST_TIMEOUT);

  it('exchanges the one-time code a single sign-on comes back with, and goes on to the second step it still needs', async () => {
    const user: WebUser = await web.user('caseworker', { organisationId: web.plan().organisations.jobcenter });
    // What the provider's callback hands over: the sign-in's outcome behind a one-time code (here a
    // first factor proved, the app's code still to come), as the SSO callback stores it.
    const firstStep = await web.t().http().post(`${API}/auth/login`).send({ email: user.email, password: STAFF_PASSWORD });
    expect(firstStep.body.status).toBe('mfa_required');
    const code = await web.t().app.get(ExchangeCodes).issue(firstStep.body);
    const page = await browser.page();
    await page.goto(`${web.url}/log-ind/sso#code=${code}`);
    await page.getByLabel('Kode fra din godkendelses-app').waitFor();
    // The code is out of the address bar, and works once.
    expect(page.url()).toBe(`${web.url}/log-ind/sso`);
    await expectAccessible(page);
    await page.getByLabel('Kode fra din godkendelses-app').fill(await freshTotpCode(user));
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.waitForURL(`${web.url}/henvisninger`);
    await expectNoTokenInStorage(page);
    expect((await web.t().http().post(`${API}/auth/exchange`).send({ code })).status).toBe(401);
  }, BROWSER_TEST_TIMEOUT);

  it('offers a button per single sign-on provider, and brings its refusal back to the landing page in Danish', async () => {
    const page = await browser.page();
    await page.goto(`${web.url}/log-ind`);
    const button = page.getByRole('link', { name: 'Log ind med Kommunen (Entra ID)' });
    await button.waitFor();
    expect(await button.getAttribute('href')).toBe('/api/v1/auth/sso/kommunen/login');
    await expectAccessible(page);
    // The provider cannot be reached: the API sends the browser back with #error=, and the page says so.
    await button.click();
    await page.waitForURL(`${web.url}/log-ind/sso`);
    await page.getByText('Tjenesten svarer ikke lige nu. Prøv igen om lidt.').waitFor();
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);

  it('shows a single sign-on\'s refusal in Danish where the provider sends the browser back, and a missing link as such', async () => {
    const page = await browser.page();
    await page.goto(`${web.url}/log-ind/sso#error=sso_no_role`);
    await page.getByText('Din organisation gav dig ingen rolle her. Kontakt din leder.').waitFor();
    expect(page.url()).toBe(`${web.url}/log-ind/sso`);
    await expectAccessible(page);
    await page.goto('about:blank');
    await page.goto(`${web.url}/log-ind/sso#code=not-a-code`);
    await page.getByText('Log ind via din organisation udløb eller er brugt. Prøv at logge ind igen.').waitFor();
    await page.goto(`${web.url}/set-password`);
    await page.getByText(/Linket mangler sin kode/).waitFor();
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);
});
