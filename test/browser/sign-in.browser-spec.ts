import type { Page } from 'playwright-core';
import { apiSession, BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, freshTotpCode, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { expectStatus } from '../support/fixtures';

/** Signing in to the staff web app in a real Chromium: password, then the authenticator app's code. */
describe('signing in to the web app', () => {
  const browser = openBrowser();
  const web = startWebApp();

  /** Resolves once the menu has heard who the volunteers' coordinator is and drawn itself again. */
  const coordinatorAnswered = (page: Page) => {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/volunteer-help/coordinator') && r.request().method() === 'GET');
    return async () => {
      await (await answered).finished();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    };
  };

  it('a counsellor signs in with password and TOTP and lands on I dag', async () => {
    const rasmus = await web.counsellor();
    const page = await browser.page();
    const askedForCoordinator = coordinatorAnswered(page);
    await page.goto(`${web.url}/`);
    // Signed out, the front page sends to sign-in.
    await page.waitForURL(`${web.url}/log-ind`);
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('E-mail').fill(rasmus.email);
    await page.getByLabel('Adgangskode').fill(rasmus.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByLabel('Kode fra din godkendelses-app').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Kode fra din godkendelses-app').fill(await freshTotpCode(rasmus));
    await page.getByRole('button', { name: 'Fortsæt' }).click();

    await page.waitForURL(`${web.url}/i-dag`);
    await page.getByRole('heading', { name: 'I dag', level: 1 }).waitFor();
    expect(await page.getByText('Rasmus Rådgiver, rådgiver').isVisible()).toBe(true);
    const navigation = page.getByRole('navigation', { name: 'Hovedmenu' });
    // No volunteers' coordinator is named: "Frivillige" is the leader's and the coordinator's only.
    await askedForCoordinator();
    expect(await navigation.getByRole('link').allInnerTexts()).toEqual(['I dag', 'Beboere', 'Sager', 'Virksomheder', 'Småjobs', 'Opsøgende']);
    expect(await page.getByRole('link', { name: 'Gå til indhold' }).getAttribute('href')).toBe('#indhold');
    await expectAccessible(page);

    await expectNoTokenInStorage(page);
    const cookies = await page.context().cookies(`${web.url}/api/v1/auth/session/refresh`);
    const refresh = cookies.find((c) => c.name === 'hp_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth/session' });
  }, BROWSER_TEST_TIMEOUT);

  it('a reload keeps the session', async () => {
    const page = await browser.page();
    await signInThroughUi(page, await web.counsellor(), web.url);
    await page.waitForURL(`${web.url}/i-dag`);
    await page.goto(`${web.url}/sager`);
    await page.getByRole('heading', { name: 'Sager', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sager', level: 1 }).waitFor();
    expect(page.url()).toBe(`${web.url}/sager`);
    await expectNoTokenInStorage(page);
  }, BROWSER_TEST_TIMEOUT);

  it('Log ud ends the session and clears the cookie', async () => {
    const page = await browser.page();
    await signInThroughUi(page, await web.counsellor(), web.url);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL(`${web.url}/log-ind`);
    expect((await page.context().cookies(`${web.url}/api/v1/auth/session/refresh`)).find((c) => c.name === 'hp_refresh')).toBeUndefined();
    // The session is over: a guarded page sends to sign-in again, also after a reload.
    await page.goto(`${web.url}/i-dag`);
    await page.waitForURL(`${web.url}/log-ind`);
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
  }, BROWSER_TEST_TIMEOUT);

  it('a wrong password says so in Danish', async () => {
    const rasmus = await web.counsellor();
    const page = await browser.page();
    await page.goto(`${web.url}/log-ind`);
    await page.getByLabel('E-mail').fill(rasmus.email);
    await page.getByLabel('Adgangskode').fill('not-the-password-at-all');
    await page.getByRole('button', { name: 'Log ind' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('E-mail eller adgangskode er forkert.').waitFor();
    expect(await summary.getByText('Der er et problem').isVisible()).toBe(true);
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);

  it('an unknown page says "Siden findes ikke", and a signed-out user comes back to the page asked for', async () => {
    const page = await browser.page();
    await page.goto(`${web.url}/beboere`);
    await page.waitForURL(`${web.url}/log-ind`);
    await signInThroughUi(page, await web.counsellor());
    await page.waitForURL(`${web.url}/beboere`);
    await page.goto(`${web.url}/findes/ikke`);
    await page.getByRole('heading', { name: 'Siden findes ikke' }).waitFor();
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);
  it('only the leader and the volunteers\' coordinator find "Frivillige" in the menu', async () => {
    const coordinator = await web.user('counsellor', { name: 'Karin Koordinator' });
    const colleague = await web.user('social_worker', { name: 'Sune Socialrådgiver' });
    const leader = await web.user('leader', { name: 'Lone Leder' });
    expectStatus(await (await apiSession(web, leader)).put('/volunteer-help/coordinator', { userId: coordinator.id }), 200, 'coordinator');

    const page = await browser.page();
    const asked = coordinatorAnswered(page);
    await signInThroughUi(page, colleague, web.url);
    await asked();
    const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['Forløb', 'Virksomheder']);

    const coordinatorPage = await browser.page();
    await signInThroughUi(coordinatorPage, coordinator, web.url);
    await coordinatorPage.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Frivillige' }).click();
    await coordinatorPage.getByRole('heading', { name: 'Frivilliges hjælp', level: 1 }).waitFor();
    await expectAccessible(coordinatorPage);

    const leaderPage = await browser.page();
    await signInThroughUi(leaderPage, leader, web.url);
    await leaderPage.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Frivillige' }).waitFor();
    await expectAccessible(leaderPage);
  }, BROWSER_TEST_TIMEOUT);
});
