import type { Page } from 'playwright-core';
import { apiSession, BROWSER_TEST_TIMEOUT, expectAccessible, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { expectStatus, type Caller } from '../support/fixtures';

/** The plan's one employer register in a real Chromium (issue 23 part 3): the counsellor's and the social worker's screens. */
describe('the employer register in the web app', () => {
  const browser = openBrowser();
  const web = startWebApp();

  const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
  const registered = async (caller: Caller, name: string): Promise<string> => {
    const res = await caller.post('/employers', { name, sector: 'private' });
    expectStatus(res, 201, 'employer');
    return res.body.id;
  };

  it('the counsellor logs a visit to a prospect and sees it become "Kontaktet", then gives the year\'s CSR prize', async () => {
    const user = await web.user('counsellor', { name: 'Rasmus Rådgiver' });
    await registered(await apiSession(web, user), 'Bageriet Strandparken');
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Virksomheder' }).click();
    await page.getByRole('heading', { name: 'Virksomheder', level: 1 }).waitFor();
    await page.getByLabel('Vis status').selectOption({ label: 'Emne' });
    const row = page.getByRole('table', { name: 'Virksomheder i helhedsplanen' }).getByRole('row').filter({ hasText: 'Bageriet Strandparken' });
    expect(await row.innerText()).toContain('Emne');
    await expectAccessible(page);

    await row.getByRole('link', { name: 'Bageriet Strandparken' }).click();
    await page.getByRole('heading', { name: 'Bageriet Strandparken', level: 1 }).waitFor();
    await page.getByText('Der er ingen kontakter med virksomheden endnu.').waitFor();
    await page.getByLabel('Kontaktform').selectOption({ label: 'Besøg' });
    await page.getByLabel('Note om virksomheden (valgfrit)').fill('Ejeren vil gerne tage en praktikant');
    await page.getByRole('button', { name: 'Registrér kontakten' }).click();
    await status(page, 'Kontakten er registreret.');
    await page.getByRole('definition').filter({ hasText: 'Kontaktet' }).waitFor();
    const contact = page.getByRole('table', { name: 'Kontakter med virksomheden' }).getByRole('row').filter({ hasText: 'Besøg' });
    expect(await contact.innerText()).toContain('Rasmus Rådgiver');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Tilbage til virksomhederne' }).click();
    await page.getByRole('link', { name: 'CSR-prisen' }).click();
    await page.getByRole('heading', { name: 'CSR-prisen', level: 1 }).waitFor();
    await page.getByText('CSR-prisen er ikke givet endnu.').waitFor();
    await page.getByLabel('Vinder', { exact: true }).selectOption({ label: 'Bageriet Strandparken' });
    await page.getByRole('button', { name: 'Registrér vinderen' }).click();
    await status(page, 'Vinderen er registreret.');
    await page.getByRole('table', { name: 'CSR-prisens vindere' }).getByRole('link', { name: 'Bageriet Strandparken' }).waitFor();
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);

  it('the social worker adds an employer to the network and finds it among the network\'s members', async () => {
    const user = await web.user('social_worker', { name: 'Sune Socialrådgiver' });
    await registered(await apiSession(web, user), 'Ishøj Tømrerfirma');
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Virksomheder' }).click();
    await page.getByRole('link', { name: 'Ishøj Tømrerfirma' }).click();
    await page.getByRole('heading', { name: 'Ishøj Tømrerfirma', level: 1 }).waitFor();
    await page.getByText('Virksomheden har ikke været med i netværket.').waitFor();
    await page.getByRole('button', { name: 'Tilføj til netværket' }).click();
    await status(page, 'Virksomheden er tilføjet til netværket.');
    await page.getByRole('table', { name: 'Perioder i virksomhedsnetværket' }).getByText('Indtil videre').waitFor();
    await page.getByRole('button', { name: 'Afslut medlemskabet' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Tilbage til virksomhederne' }).click();
    await page.getByLabel('Kun virksomheder i netværket').check();
    const members = page.getByRole('table', { name: 'Virksomheder i helhedsplanen' });
    await members.getByRole('link', { name: 'Ishøj Tømrerfirma' }).waitFor();
    expect(await members.getByRole('link', { name: 'Bageriet Strandparken' }).count()).toBe(0);
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);
});
