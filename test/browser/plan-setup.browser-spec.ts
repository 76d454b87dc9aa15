import { createHash, randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, openBrowser, startWebApp } from '../support/browser';
import { asAdmin, asOwner, STAFF_PASSWORD } from '../support/fixtures';
import { TEST_ADMIN } from '../support/test-env';
import { waitFor } from '../support/wait-for';

/**
 * Setting up a plan in a real Chromium (issue 22): the platform admin provisions a plan with a
 * housing area and an organisation and invites its leader; the leader accepts, lands on the
 * checklist of what the plan still needs, and edits the plan's settings and a housing area.
 */
describe('setting up a plan in the web app', () => {
  const browser = openBrowser();
  const web = startWebApp();
  const tag = randomBytes(3).toString('hex');
  const planName = `Den boligsociale helhedsplan i Varde ${tag}`;
  const leaderEmail = `leder-${tag}@varde.test`;

  /** The admin signs in with a password only: the browser tests' service asks no second factor of the platform admin. */
  async function signInAsAdmin(page: Page): Promise<void> {
    await page.goto(`${web.url}/log-ind`);
    await page.getByLabel('E-mail').fill(TEST_ADMIN.email);
    await page.getByLabel('Adgangskode').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('button', { name: 'Log ud' }).waitFor();
  }

  /** The invitation's e-mail has gone out; the test swaps its link token for one of its own, as sign-in-factors does. */
  async function invitationToken(email: string): Promise<string> {
    const id = await waitFor('the invitation e-mailed', async () => (await asOwner<{ id: string }>(`SELECT id FROM invitations WHERE email = $1 AND sent_at IS NOT NULL`, [email]))[0]?.id);
    const token = randomBytes(32).toString('base64url');
    await asOwner(`UPDATE invitations SET token_hash = $2 WHERE id = $1`, [id, createHash('sha256').update(token).digest('hex')]);
    return token;
  }

  const checklistRow = (page: Page, item: string) => page.getByRole('table', { name: 'Hvad helhedsplanen mangler' }).getByRole('row', { name: new RegExp(`^${item}`) });

  it('lets the admin create a plan with a housing area and an organisation and invite its leader, who lands on the checklist and edits the settings', async () => {
    const admin = await browser.page();
    await signInAsAdmin(admin);
    // The admin's first screen is the platform's plans.
    await admin.waitForURL(`${web.url}/planer`);
    await admin.getByRole('heading', { level: 1, name: 'Helhedsplaner' }).waitFor();
    await expectAccessible(admin);

    await admin.getByRole('link', { name: 'Opret helhedsplan' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Opret helhedsplan' }).waitFor();
    // Nothing filled in: each field says what is missing, in Danish, before the API is asked.
    await admin.getByRole('button', { name: 'Opret helhedsplanen' }).click();
    await admin.getByRole('alert').getByText('Udfyld kommune.').first().waitFor();
    await expectAccessible(admin);
    await admin.getByLabel('Navn').fill(planName);
    await admin.getByLabel('Kommune').fill('Varde');
    await admin.getByLabel('Gælder fra').fill('2026-01-01');
    await admin.getByLabel('Gælder til').fill('2029-12-31');
    await admin.getByRole('button', { name: 'Opret helhedsplanen' }).click();

    await admin.getByRole('heading', { level: 1, name: planName }).waitFor();
    await admin.getByText('Helhedsplanen er oprettet.').waitFor();
    // The sections load after the plan's heading: wait for them rather than look once.
    await admin.getByText('Der er ingen boligområder endnu.').waitFor();
    await expectAccessible(admin);

    const addArea = admin.getByRole('group', { name: 'Opret boligområde' });
    await addArea.getByLabel('Navn').fill('Vestparken');
    await addArea.getByLabel('Unge herfra kan komme i fritidsjobforløb').check();
    await addArea.getByRole('button', { name: 'Opret boligområdet' }).click();
    await admin.getByText('Boligområdet Vestparken er oprettet.').waitFor();
    expect(await admin.getByRole('table', { name: 'Helhedsplanens boligområder' }).getByRole('row', { name: /Vestparken Ja/ }).count()).toBe(1);

    const addOrganisation = admin.getByRole('group', { name: 'Opret organisation' });
    await addOrganisation.getByLabel('Navn').fill('Jobcenter Varde');
    await addOrganisation.getByLabel('Type').selectOption({ label: 'Kommunal' });
    await addOrganisation.getByRole('button', { name: 'Opret organisationen' }).click();
    await admin.getByText('Organisationen Jobcenter Varde er oprettet.').waitFor();

    await admin.getByLabel('Lederens navn').fill('Lene Leder');
    await admin.getByLabel('Lederens e-mail').fill(leaderEmail);
    await admin.getByRole('button', { name: 'Send invitationen' }).click();
    await admin.getByText(`Invitationen er sendt til ${leaderEmail}.`).waitFor();
    await expectAccessible(admin);

    // The leader follows the e-mail's link: a password, an authenticator app, the recovery codes, then in.
    const token = await invitationToken(leaderEmail);
    const leader = await browser.page();
    await leader.goto(`${web.url}/set-password#token=${token}`);
    await leader.getByLabel('Ny adgangskode').fill(STAFF_PASSWORD);
    await leader.getByLabel('Gentag adgangskoden').fill(STAFF_PASSWORD);
    await leader.getByRole('button', { name: 'Gem adgangskoden' }).click();
    await leader.getByRole('button', { name: 'Brug en godkendelses-app' }).click();
    await leader.getByText('Kan du ikke scanne? Skriv nøglen ind i stedet').click();
    const secret = (await leader.locator('.totp-secret').innerText()).replace(/\s/g, '');
    await leader.getByLabel('Kode fra din godkendelses-app').fill(await generate({ secret }));
    await leader.getByRole('button', { name: 'Bekræft appen' }).click();
    await leader.getByRole('button', { name: 'Jeg har gemt koderne' }).click();

    // Not an empty screen: the checklist of what the new plan needs, each item done or not, with its way there.
    await leader.waitForURL(`${web.url}/plan`);
    await leader.getByRole('heading', { level: 1, name: 'Opstart af helhedsplanen' }).waitFor();
    expect(await leader.getByText(`Her ser du, hvad ${planName} mangler`).isVisible()).toBe(true);
    expect(await checklistRow(leader, 'Boligområder').innerText()).toMatch(/Klar\s*1 boligområde\b/);
    expect(await checklistRow(leader, 'Organisationer').innerText()).toMatch(/Klar\s*1 organisation\b/);
    expect(await checklistRow(leader, 'Personale').innerText()).toMatch(/Mangler/);
    expect(await checklistRow(leader, 'Indstillinger').innerText()).toMatch(/Mangler/);
    expect(await checklistRow(leader, 'Aktiviteter').innerText()).toMatch(/Mangler/);
    expect(await checklistRow(leader, 'Personale').getByRole('link', { name: 'Gå til personale' }).getAttribute('href')).toBe('/personale');
    expect(await checklistRow(leader, 'Aktiviteter').getByRole('link').getAttribute('href')).toBe('/aktiviteter');
    expect(await checklistRow(leader, 'Indikatorer').getByRole('link').getAttribute('href')).toBe('/indikatorer');
    await expectAccessible(leader);
    await expectNoTokenInStorage(leader);

    await checklistRow(leader, 'Indstillinger').getByRole('link', { name: 'Gå til indstillingerne' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Indstillinger' }).waitFor();
    expect(await leader.getByLabel('Mål: forløb startet om året').inputValue()).toBe('18');
    await expectAccessible(leader);
    // A range turned upside down is refused at its field, in Danish.
    await leader.getByLabel('Flest timer om ugen').fill('tre');
    await leader.getByRole('button', { name: 'Gem' }).click();
    await leader.getByRole('alert').getByText('Flest timer om ugen skal være et tal.').first().waitFor();
    await leader.getByLabel('Flest timer om ugen').fill('1,5');
    await leader.getByRole('button', { name: 'Gem' }).click();
    await leader.getByRole('alert').getByText('Det højeste tal i et interval er mindre end det laveste.').first().waitFor();
    await expectAccessible(leader);
    await leader.getByLabel('Flest timer om ugen').fill('6,5');
    await leader.getByLabel('Mål: forløb startet om året').fill('20');
    await leader.getByRole('button', { name: 'Gem' }).click();
    await leader.getByText('Indstillingerne er gemt.').waitFor();
    expect(await leader.getByLabel('Flest timer om ugen').inputValue()).toBe('6,5');

    await leader.getByRole('link', { name: 'Tilbage til opstarten' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Opstart af helhedsplanen' }).waitFor();
    expect(await checklistRow(leader, 'Indstillinger').innerText()).toMatch(/Klar/);
    const planId = (await asOwner<{ id: string }>(`SELECT id FROM plans WHERE name = $1`, [planName]))[0].id;
    const saved = await (await asAdmin(web.t())).get(`/plans/${planId}/settings`);
    expect(saved.body.jobProgramme).toMatchObject({ targetPerYear: 20, hoursPerWeek: { min: 2, max: 6.5 } });

    // The housing areas: the leader corrects them, and is told that the platform admin adds new ones.
    await leader.getByRole('link', { name: 'Boligområder' }).first().click();
    await leader.getByRole('heading', { level: 1, name: 'Boligområder' }).waitFor();
    await leader.getByText('Nye boligområder oprettes af platformens administrator.').waitFor();
    expect(await leader.getByRole('button', { name: 'Opret boligområdet' }).count()).toBe(0);
    await expectAccessible(leader);
    await leader.getByRole('button', { name: 'Ret Vestparken' }).click();
    await leader.getByLabel('Navn').fill('Vestparken Syd');
    // Meanwhile the admin renames it: the leader's save, made on the older version, is refused and offers the new one.
    const [area] = (await (await asAdmin(web.t())).get(`/plans/${planId}/housing-areas`)).body.items;
    expect((await (await asAdmin(web.t())).patch(`/plans/${planId}/housing-areas/${area.id}`, { name: 'Vestparken Nord', version: area.version })).status).toBe(200);
    await leader.getByRole('button', { name: 'Gem' }).click();
    await leader.getByRole('alert').getByText('En anden har ændret det i mellemtiden. Hent siden igen.').waitFor();
    await expectAccessible(leader);
    await leader.getByRole('button', { name: 'Hent igen' }).click();
    await leader.getByRole('button', { name: 'Ret Vestparken Nord' }).click();
    await leader.getByLabel('Navn').fill('Vestparken Syd');
    await leader.getByRole('button', { name: 'Gem' }).click();
    await leader.getByText('Boligområdet Vestparken Syd er gemt.').waitFor();

    await leader.getByRole('link', { name: 'Organisationer' }).first().click();
    await leader.getByRole('heading', { level: 1, name: 'Organisationer' }).waitFor();
    await leader.getByRole('row', { name: /Jobcenter Varde Kommunal/ }).waitFor();
    await leader.getByText('Nye organisationer oprettes af platformens administrator.').waitFor();
    await expectAccessible(leader);
  }, BROWSER_TEST_TIMEOUT * 2);
});
