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
  it('the counsellor records who came to a network meeting, and the leader sees the employers among its sessions', async () => {
    const user = await web.user('counsellor', { name: 'Rasmus Rådgiver' });
    const asCounsellor = await apiSession(web, user);
    await registered(asCounsellor, 'Cykelværkstedet Vest');
    await registered(asCounsellor, 'Malerfirmaet Nord');
    await registered(asCounsellor, 'Pizzeria Centret');
    const meeting = await asCounsellor.post('/activities', { kind: 'network_meeting', name: 'Virksomhedsnetværkets møde', startsOn: '2026-01-01' });
    expectStatus(meeting, 201, 'network meeting');
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Virksomheder' }).click();
    await page.getByRole('link', { name: 'Netværksmøder' }).click();
    await page.getByRole('heading', { name: 'Netværksmøder', level: 1 }).waitFor();
    await page.getByLabel('Netværksmøde', { exact: true }).selectOption({ label: 'Virksomhedsnetværkets møde' });
    await page.getByText('Der er ikke registreret nogen møder endnu.').waitFor();
    await page.getByLabel('Antal deltagere').fill('9');
    const guests = page.getByRole('group', { name: 'Virksomheder der deltog' });
    await guests.getByLabel('Cykelværkstedet Vest').check();
    await guests.getByLabel('Malerfirmaet Nord').check();
    await page.getByRole('button', { name: 'Registrér mødet' }).click();
    await status(page, 'Mødet er registreret.');
    const held = page.getByRole('table', { name: 'Registrerede møder' }).getByRole('row').filter({ hasText: 'Cykelværkstedet Vest' });
    const row = await held.innerText();
    expect(row).toContain('Malerfirmaet Nord');
    expect(row).not.toContain('Pizzeria Centret');
    expect(row).toContain('9');
    await expectAccessible(page);

    const leader = await browser.page();
    await signInThroughUi(leader, await web.user('leader', { name: 'Lone Leder' }), web.url);
    await leader.goto(`${web.url}/aktiviteter/${meeting.body.id}`);
    const latest = leader.getByRole('table', { name: 'De seneste gange' }).getByRole('row').filter({ hasText: 'Cykelværkstedet Vest' });
    expect(await latest.innerText()).toContain('Malerfirmaet Nord');
    await expectAccessible(leader);
  }, BROWSER_TEST_TIMEOUT);

  it('the leader finds the CSR prize in the menu and gives last year\'s prize', async () => {
    const asCounsellor = await apiSession(web, await web.user('counsellor', { name: 'Rasmus Rådgiver' }));
    await registered(asCounsellor, 'Frisør Lotte');
    const page = await browser.page();
    await signInThroughUi(page, await web.user('leader', { name: 'Lone Leder' }), web.url);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'CSR-pris' }).click();
    await page.getByRole('heading', { name: 'CSR-prisen', level: 1 }).waitFor();
    // The leader keeps no employer register: no way back into it from here.
    expect(await page.getByRole('link', { name: 'Tilbage til virksomhederne' }).count()).toBe(0);
    await page.getByLabel('År', { exact: true }).fill('2025');
    await page.getByLabel('Vinder', { exact: true }).selectOption({ label: 'Frisør Lotte' });
    await page.getByRole('button', { name: 'Registrér vinderen' }).click();
    await status(page, 'Vinderen er registreret.');
    const won = page.getByRole('table', { name: 'CSR-prisens vindere' }).getByRole('row').filter({ hasText: '2025' });
    expect(await won.innerText()).toContain('Frisør Lotte');
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);
});
