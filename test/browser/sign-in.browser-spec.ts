import { BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, freshTotpCode, openBrowser, signInThroughUi, startWebApp } from '../support/browser';

/** Signing in to the staff web app in a real Chromium: password, then the authenticator app's code. */
describe('signing in to the web app', () => {
  const browser = openBrowser();
  const web = startWebApp();

  it('a counsellor signs in with password and TOTP and lands on I dag', async () => {
    const rasmus = await web.counsellor();
    const page = await browser.page();
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
    expect(await navigation.getByRole('link').allInnerTexts()).toEqual(['I dag', 'Beboere', 'Sager', 'Virksomheder', 'Småjobs', 'Opsøgende', 'Frivillige']);
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
});
