import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { AppConfig } from '../../src/config/app-config';
import { BROWSER_TEST_TIMEOUT, expectAccessible, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { asAdmin, asOwner } from '../support/fixtures';
import { SmtpCatcher } from '../support/smtp-catcher';
import { TEST_ADMIN } from '../support/test-env';
import { waitFor } from '../support/wait-for';

/**
 * The platform admin looks after a plan in a real Chromium (issue 22): the first leader's
 * invitation is sent again (it expired, or the address was wrong) or withdrawn from the plan's own
 * page, and the plan's name and period are corrected there, a change made meanwhile by someone else
 * answered with "Hent igen" rather than overwritten. The leader corrects them on their settings page.
 */
describe("the admin looks after a plan's leader invitation and its name", () => {
  // The service's mail goes to a catcher of our own: filled in before startWebApp's own beforeAll reads it.
  const config: Partial<AppConfig> = {};
  let smtp: SmtpCatcher;
  beforeAll(async () => {
    smtp = await SmtpCatcher.start();
    config.smtpUrl = smtp.url;
  });
  afterAll(async () => {
    await smtp.close();
  });
  const browser = openBrowser();
  const web = startWebApp(config);
  const tag = randomBytes(3).toString('hex');
  const leaderEmail = `leder-${tag}@ribe.test`;

  async function signInAsAdmin(page: Page): Promise<void> {
    await page.goto(`${web.url}/log-ind`);
    await page.getByLabel('E-mail').fill(TEST_ADMIN.email);
    await page.getByLabel('Adgangskode').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('button', { name: 'Log ud' }).waitFor();
  }

  it("lets the admin send the leader's invitation again, rename the plan past a stale version, and withdraw the invitation", async () => {
    const api = await asAdmin(web.t());
    const created = await api.post('/plans', { name: `Helhedsplanen i Ribe ${tag}`, municipality: 'Esbjerg', validFrom: '2026-01-01', validTo: '2029-12-31' });
    expect(created.status).toBe(201);
    const planId: string = created.body.id;

    const admin = await browser.page();
    await signInAsAdmin(admin);
    await admin.goto(`${web.url}/planer/${planId}`);
    await admin.getByRole('heading', { level: 1, name: `Helhedsplanen i Ribe ${tag}` }).waitFor();
    await admin.getByText('Ingen invitationer venter.').waitFor();

    await admin.getByLabel('Lederens navn').fill('Lone Leder');
    await admin.getByLabel('Lederens e-mail').fill(leaderEmail);
    await admin.getByRole('button', { name: 'Send invitationen' }).click();
    await admin.getByText(`Invitationen er sendt til ${leaderEmail}.`).waitFor();
    await smtp.mailTo(leaderEmail);

    // The invitation waits, open, in the table.
    const invitations = admin.getByRole('table', { name: 'Invitationer, der ikke er taget imod' });
    await invitations.getByRole('row', { name: new RegExp(`Lone Leder ${leaderEmail} leder`) }).waitFor();
    await expectAccessible(admin);
    // Three days pass without the leader taking it: the link has expired, and only the admin can send a new one.
    await asOwner(`UPDATE invitations SET expires_at = now() - interval '1 hour' WHERE email = $1`, [leaderEmail]);
    await admin.reload();
    await invitations.getByRole('row', { name: new RegExp(`Lone Leder ${leaderEmail} leder Udløbet`) }).waitFor();
    await invitations.getByRole('button', { name: 'Send igen til Lone Leder' }).click();
    await admin.getByText(`Invitationen er sendt igen til ${leaderEmail}.`).waitFor();
    expect(await invitations.getByText('Udløbet').count()).toBe(0);
    await waitFor('the second invitation e-mail', async () => (smtp.count(leaderEmail) === 2 ? true : undefined));
    await expectAccessible(admin);

    // Someone else renames the plan while the admin edits it: the admin's save is refused, and "Hent igen" shows theirs.
    await admin.getByRole('button', { name: 'Ret navn og periode' }).click();
    const details = admin.getByRole('group', { name: 'Helhedsplanens navn og periode' });
    expect(await details.getByLabel('Navn').inputValue()).toBe(`Helhedsplanen i Ribe ${tag}`);
    await details.getByLabel('Navn').fill(`Den boligsociale helhedsplan i Ribe ${tag}`);
    expect((await api.patch(`/plans/${planId}`, { name: `Ribe-planen ${tag}`, version: created.body.version })).status).toBe(200);
    await details.getByRole('button', { name: 'Gem' }).click();
    await admin.getByText('En anden har ændret det i mellemtiden. Hent siden igen.').waitFor();
    await expectAccessible(admin);
    await details.getByRole('button', { name: 'Hent igen' }).click();
    await admin.getByRole('heading', { level: 1, name: `Ribe-planen ${tag}` }).waitFor();
    expect(await details.getByLabel('Navn').inputValue()).toBe(`Ribe-planen ${tag}`);
    await details.getByLabel('Navn').fill(`Den boligsociale helhedsplan i Ribe ${tag}`);
    await details.getByLabel('Gælder til').fill('2030-06-30');
    await details.getByRole('button', { name: 'Gem' }).click();
    await admin.getByText('Helhedsplanens navn og periode er gemt.').waitFor();
    await admin.getByRole('heading', { level: 1, name: `Den boligsociale helhedsplan i Ribe ${tag}` }).waitFor();
    await admin.getByRole('definition').getByText(/– 30\. jun\.? 2030/).waitFor();
    await expectAccessible(admin);
    const saved = await api.get(`/plans/${planId}/setup-status`);
    expect(saved.body.plan).toMatchObject({ name: `Den boligsociale helhedsplan i Ribe ${tag}`, validTo: '2030-06-30' });

    // The address was wrong after all: the admin withdraws the invitation, and nothing waits any more.
    await invitations.getByRole('button', { name: 'Træk tilbage: invitationen til Lone Leder' }).click();
    await admin.getByText(`Invitationen til ${leaderEmail} er trukket tilbage.`).waitFor();
    await admin.getByText('Ingen invitationer venter.').waitFor();
    await expectAccessible(admin);
  }, BROWSER_TEST_TIMEOUT * 2);

  it("lets the leader correct their own plan's name on the settings page", async () => {
    const leader = await web.user('leader', { name: 'Lars Leder' });
    const page = await browser.page();
    await signInThroughUi(page, leader, web.url);
    await page.goto(`${web.url}/plan/indstillinger`);
    await page.getByRole('heading', { level: 1, name: 'Indstillinger' }).waitFor();
    await page.getByRole('button', { name: 'Ret navn og periode' }).click();
    const details = page.getByRole('group', { name: 'Helhedsplanens navn og periode' });
    await details.getByLabel('Navn').fill(`Browserplanen ${tag}`);
    await details.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Helhedsplanens navn og periode er gemt.').waitFor();
    await page.getByRole('definition').getByText(`Browserplanen ${tag}`).waitFor();
    await expectAccessible(page);
    const plan = await (await asAdmin(web.t())).get(`/plans/${web.plan().planId}/setup-status`);
    expect(plan.body.plan.name).toBe(`Browserplanen ${tag}`);
  }, BROWSER_TEST_TIMEOUT);
});
