import type { Page } from 'playwright-core';
import { danishMoment } from '../../src/activities/weekly-slots';
import { BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { asOwner, expectStatus, registerResident } from '../support/fixtures';
import { apiCounsellor } from './counsellor-world';

/** The counsellor's drop-in afternoon in a real Chromium (issue 21): from the door to a closed case, in Danish. */
describe("the counsellor's drop-in afternoon", () => {
  const browser = openBrowser();
  const web = startWebApp();

  const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 }).waitFor();
  const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

  it('registers Amina, opens her debt case with its first conversation, logs a further one, refers her with the consent she gives there and then, and closes the case', async () => {
    const page = await browser.page();
    await signInThroughUi(page, await web.counsellor(), web.url);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Beboere' }).click();
    await heading(page, 'Beboere');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Opret beboer' }).click();
    await page.getByLabel('Boligområde').selectOption({ label: 'Vejleåparken' });
    await page.getByLabel('Fornavn').fill('Amina');
    await page.getByLabel('Efternavn').fill('Hassan');
    // Her age lets her consent alone (a minor's consent is a guardian's).
    await page.getByLabel('Fødselsdato').fill('1986-04-12');
    await page.getByLabel('Telefon', { exact: true }).fill('+45 31 41 59 26');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Opret', exact: true }).click();
    await heading(page, 'Amina Hassan');
    const residentId = page.url().split('/beboere/')[1];
    await expectAccessible(page);

    await page.getByLabel('Emne').selectOption({ label: 'Gæld' });
    await page.getByLabel('Notat (valgfrit)').fill('Rykker fra SKAT');
    await page.getByRole('button', { name: 'Opret sag' }).click();
    await heading(page, 'Sag: Gæld');
    const caseId = page.url().split('/sager/')[1];
    const timeline = page.getByRole('list').filter({ hasText: 'Sagen blev oprettet' });
    await timeline.getByText('Rykker fra SKAT').waitFor();
    await expectAccessible(page);

    // The further conversation: its time is now unless changed.
    expect(await page.getByLabel('Tidspunkt').inputValue()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    await page.getByLabel('Kontaktform').selectOption({ label: 'Telefon' });
    await page.getByLabel('Notat (valgfrit)').fill('Kom tilbage med brevet');
    await page.getByRole('button', { name: 'Gem samtale' }).click();
    await status(page, 'Samtalen er gemt.');
    await timeline.getByText('Kom tilbage med brevet').waitFor();
    await timeline.getByText('Samtale (telefon)').waitFor();

    // The referral form says before sending that no consent allows it, and takes the consent inline.
    await page.getByLabel('Modtager', { exact: true }).selectOption({ label: 'Center for Beskæftigelse og Erhverv' });
    await page.getByText('Beboeren har ikke givet samtykke til deling med denne modtager.').waitFor();
    expect(await page.getByRole('button', { name: 'Send henvisning' }).isDisabled()).toBe(true);
    await expectAccessible(page);
    await page.getByLabel('Skriftligt').check();
    await page.getByRole('button', { name: 'Registrer samtykke nu' }).click();
    await status(page, 'Samtykket er registreret.');
    await page.getByText('Beboerens samtykke tillader henvisningen.').waitFor();
    await page.getByLabel('Begrundelse (valgfri)').fill('Hjælp til jobsøgning');
    await page.getByRole('button', { name: 'Send henvisning' }).click();
    await status(page, 'Henvisningen er sendt.');
    await timeline.getByText('Henvist til Center for Beskæftigelse og Erhverv').waitFor();

    await page.getByLabel('Resultat (valgfrit)').fill('Afdragsordning aftalt');
    await page.getByRole('button', { name: 'Afslut', exact: true }).click();
    await status(page, 'Sagen er afsluttet.');
    await page.getByRole('button', { name: 'Genåbn sagen' }).waitFor();
    await timeline.getByText('Sagen blev afsluttet').waitFor();
    await expectAccessible(page);

    const [kept] = await asOwner<{ status: string; contacts: number; referrals: number; consents: number }>(
      `SELECT c.status, (SELECT count(*)::int FROM counselling_contacts WHERE case_id = c.id) AS contacts,
              (SELECT count(*)::int FROM counselling_referrals WHERE case_id = c.id) AS referrals,
              (SELECT count(*)::int FROM consents WHERE resident_id = c.resident_id AND form = 'written') AS consents
         FROM counselling_cases c WHERE c.id = $1 AND c.resident_id = $2`,
      [caseId, residentId],
    );
    expect(kept).toEqual({ status: 'closed', contacts: 2, referrals: 1, consents: 1 });

    await page.getByRole('button', { name: 'Genåbn sagen' }).click();
    await status(page, 'Sagen er genåbnet.');

    // The case list, filtered by topic and status, leads back to the case.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Sager' }).click();
    await heading(page, 'Sager');
    await page.getByLabel('Emne').selectOption({ label: 'Gæld' });
    await page.getByLabel('Status').selectOption({ label: 'Åben' });
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(/status=open/);
    await page.getByRole('link', { name: 'Amina Hassan' }).waitFor();
    await expectAccessible(page);
    await expectNoTokenInStorage(page);
  }, BROWSER_TEST_TIMEOUT * 2);

  it("counts a visitor at today's open counselling with one tap, and the head count shows at once", async () => {
    const today = danishMoment(new Date());
    const door = await (await apiCounsellor(web)).post('/activities', {
      kind: 'open_counselling', name: 'Åben Rådgivning Vejleåparken', housingAreaId: web.plan().areas.eligible, weeklySlots: [{ weekday: today.weekday, start: '00:00', end: '23:59' }],
    });
    expectStatus(door, 201, 'activity');
    const page = await browser.page();
    await signInThroughUi(page, await web.counsellor(), web.url);
    await page.goto(`${web.url}/i-dag`);
    const slot = page.getByRole('region', { name: 'Åben Rådgivning Vejleåparken' });
    await slot.getByText('0 besøgende').waitFor();
    await expectAccessible(page);
    await slot.getByLabel('Kvinde').check();
    await slot.getByLabel('Ung').check();
    await slot.getByRole('button', { name: 'Registrer besøg' }).click();
    await slot.getByText('1 besøgende').waitFor();
    await slot.getByText('Besøget er registreret ved Åben Rådgivning Vejleåparken.').waitFor();
    const [session] = await asOwner<{ headcount_total: number; headcount_women: number; headcount_youth: number }>(
      `SELECT headcount_total, headcount_women, headcount_youth FROM activity_sessions WHERE activity_id = $1`,
      [door.body.id],
    );
    expect(session).toEqual({ headcount_total: 1, headcount_women: 1, headcount_youth: 1 });
    await expectNoTokenInStorage(page);
  }, BROWSER_TEST_TIMEOUT);

  it('shows a possible duplicate side by side, and "Det er en anden person" registers the new resident all the same', async () => {
    const existing = await registerResident(await apiCounsellor(web), { housingAreaId: web.plan().areas.eligible, firstName: 'Fatima', lastName: 'Ali', phone: '27182818' });
    const page = await browser.page();
    await signInThroughUi(page, await web.counsellor(), web.url);
    await page.goto(`${web.url}/beboere`);
    await page.getByRole('button', { name: 'Opret beboer' }).click();
    await page.getByLabel('Boligområde').selectOption({ label: 'Vejleåparken' });
    await page.getByLabel('Fornavn').fill('Fatma');
    await page.getByLabel('Efternavn').fill('Aly');
    await page.getByLabel('Telefon', { exact: true }).fill('+45 27 18 28 18');
    await page.getByRole('button', { name: 'Opret', exact: true }).click();

    await page.getByRole('heading', { name: 'Findes beboeren allerede?' }).waitFor();
    const comparison = page.getByRole('table');
    await comparison.getByRole('columnheader', { name: 'Det du har indtastet' }).waitFor();
    await comparison.getByRole('columnheader', { name: 'Mulig dublet' }).waitFor();
    await comparison.getByRole('cell', { name: 'Fatima Ali' }).waitFor();
    await comparison.getByRole('cell', { name: 'Fatma Aly' }).waitFor();
    await expectAccessible(page);
    expect(await page.getByRole('button', { name: 'Brug denne beboer' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Det er en anden person' }).click();
    await heading(page, 'Fatma Aly');
    const [counted] = await asOwner<{ n: number }>(`SELECT count(*)::int AS n FROM residents WHERE plan_id = $1 AND resident_phone_key(phone) = '27182818'`, [web.plan().planId]);
    expect(counted.n).toBe(2);
    expect(page.url()).not.toContain(existing.id);
  }, BROWSER_TEST_TIMEOUT);

  it('"Brug denne beboer" goes to the resident already registered and registers nobody', async () => {
    const existing = await registerResident(await apiCounsellor(web), { housingAreaId: web.plan().areas.eligible, firstName: 'Omar', lastName: 'Khan', phone: '31415927' });
    const page = await browser.page();
    await signInThroughUi(page, await web.counsellor(), web.url);
    await page.goto(`${web.url}/beboere`);
    // Finding him by phone, however it is written, comes first at the door.
    await page.getByLabel('Søg på navn, telefon eller pseudonym').fill('3141 5927');
    await page.getByRole('button', { name: 'Søg' }).click();
    await page.getByRole('link', { name: 'Omar Khan' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Opret beboer' }).click();
    await page.getByLabel('Boligområde').selectOption({ label: 'Vejleåparken' });
    await page.getByLabel('Fornavn').fill('Omar');
    await page.getByLabel('Telefon', { exact: true }).fill('31415927');
    await page.getByRole('button', { name: 'Opret', exact: true }).click();
    await page.getByRole('button', { name: 'Brug denne beboer' }).click();
    await heading(page, 'Omar Khan');
    expect(page.url()).toBe(`${web.url}/beboere/${existing.id}`);
    const [counted] = await asOwner<{ n: number }>(`SELECT count(*)::int AS n FROM residents WHERE plan_id = $1 AND resident_phone_key(phone) = '31415927'`, [web.plan().planId]);
    expect(counted.n).toBe(1);
  }, BROWSER_TEST_TIMEOUT);

  it('registers an anonymous resident, who gets a pseudonym and is found by it', async () => {
    const page = await browser.page();
    await signInThroughUi(page, await web.counsellor(), web.url);
    await page.goto(`${web.url}/beboere`);
    await page.getByRole('button', { name: 'Opret beboer' }).click();
    await page.getByLabel('Boligområde').selectOption({ label: 'Vejleåparken' });
    await page.getByLabel(/Anonym beboer/).check();
    expect(await page.getByLabel('Fornavn').count()).toBe(0);
    await page.getByLabel('Fødselsår').fill('1990');
    await page.getByRole('button', { name: 'Opret', exact: true }).click();
    const h1 = page.getByRole('heading', { level: 1, name: /^Anonym \(/ });
    await h1.waitFor();
    const pseudonym = (await h1.innerText()).match(/\((\w+)\)/)![1];
    await page.goto(`${web.url}/beboere`);
    await page.getByLabel('Søg på navn, telefon eller pseudonym').fill(pseudonym.toLowerCase());
    await page.getByRole('button', { name: 'Søg' }).click();
    await page.getByRole('link', { name: `Anonym (${pseudonym})` }).waitFor();
  }, BROWSER_TEST_TIMEOUT);
});
