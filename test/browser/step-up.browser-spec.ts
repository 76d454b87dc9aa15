import { BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, freshTotpCode, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { asOwner } from '../support/fixtures';

/** How recent a sign-in must be here: short, so that the test waits it out instead of 15 minutes. */
const STEP_UP_SECONDS = 4;

/**
 * Step-up in a real Chromium: when a request answers step_up_required, a dialog asks only for the
 * second factor (never the password), and the request goes through after it. Renewing one's
 * recovery codes needs a recent sign-in; the window here is a few seconds.
 */
describe('stepping up in the web app without the password', () => {
  const browser = openBrowser();
  const web = startWebApp({ stepUpMaxAgeSeconds: STEP_UP_SECONDS });

  const afterTheWindow = () => new Promise((resolve) => setTimeout(resolve, (STEP_UP_SECONDS + 1) * 1000));

  it('asks a counsellor whose sign-in is too old for the app\'s code in a dialog, then makes the new recovery codes', async () => {
    const rasmus = await web.counsellor();
    const page = await browser.page();
    await signInThroughUi(page, rasmus, web.url);
    await page.goto(`${web.url}/mit-login`);
    await page.getByRole('heading', { name: 'Dit login', level: 1 }).waitFor();
    await page.getByText('Du har 10 ubrugte gendannelseskoder.').waitFor();
    await expectAccessible(page);
    await afterTheWindow();

    const renew = page.getByRole('button', { name: 'Lav nye gendannelseskoder' });
    await renew.click();
    const dialog = page.getByRole('dialog', { name: 'Bekræft, at det er dig' });
    await dialog.waitFor();
    // Only the second factor: no password field, and the code field has the focus.
    expect(await dialog.getByLabel('Adgangskode', { exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-up-code');
    await expectAccessible(page);

    // Tab stays in the dialog.
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);

    // Escape closes it, and the refusal stands, in Danish.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Bekræft, at det er dig, for at se dette.').waitFor();

    // Again, with a wrong code first: refused in Danish, the dialog stays.
    await renew.click();
    await dialog.waitFor();
    await dialog.getByLabel('Kode').fill('000000');
    await dialog.getByRole('button', { name: 'Bekræft' }).click();
    await dialog.getByText('Koden er forkert, udløbet eller allerede brugt. Prøv den næste kode fra appen.').first().waitFor();
    const failures = await asOwner<{ failures: number }>(`SELECT failures FROM mfa_user_state WHERE user_id = $1`, [rasmus.id]);
    expect(failures[0].failures).toBe(1);

    await dialog.getByLabel('Kode').fill(await freshTotpCode(rasmus));
    await dialog.getByRole('button', { name: 'Bekræft' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The request went through after the step-up: ten new codes.
    await page.getByRole('list', { name: 'Dine gendannelseskoder' }).waitFor();
    expect(await page.getByRole('list', { name: 'Dine gendannelseskoder' }).getByRole('listitem').count()).toBe(10);
    await expectNoTokenInStorage(page);
    expect(await asOwner(`SELECT 1 FROM audit_events WHERE action = 'auth.step_up_succeeded' AND entity_id = $1`, [rasmus.id])).toHaveLength(1);
  }, BROWSER_TEST_TIMEOUT);

  it('takes a recovery code in the same dialog', async () => {
    const rasmus = await web.counsellor();
    const page = await browser.page();
    await signInThroughUi(page, rasmus, web.url);
    await page.goto(`${web.url}/mit-login`);
    await page.getByText('Du har 10 ubrugte gendannelseskoder.').waitFor();
    await afterTheWindow();
    // The first renewal (after a step-up by the app) gives codes the test can use.
    await page.getByRole('button', { name: 'Lav nye gendannelseskoder' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bekræft, at det er dig' });
    await dialog.getByLabel('Kode').fill(await freshTotpCode(rasmus));
    await dialog.getByRole('button', { name: 'Bekræft' }).click();
    await page.getByRole('list', { name: 'Dine gendannelseskoder' }).waitFor();
    const codes = await page.getByRole('list', { name: 'Dine gendannelseskoder' }).getByRole('listitem').allInnerTexts();
    await page.getByRole('button', { name: 'Jeg har gemt koderne' }).click();
    await page.getByText('Du har 10 ubrugte gendannelseskoder.').waitFor();

    await afterTheWindow();
    await page.getByRole('button', { name: 'Lav nye gendannelseskoder' }).click();
    await dialog.getByLabel('Kode').fill(codes[0]);
    await dialog.getByRole('button', { name: 'Bekræft' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Dine gendannelseskoder' }).waitFor();
    expect(await page.getByText(codes[1]).count()).toBe(0);
  }, BROWSER_TEST_TIMEOUT);
});
