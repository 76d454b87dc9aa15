import type { Page } from 'playwright-core';
import { apiSession, BROWSER_TEST_TIMEOUT, expectAccessible, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { expectStatus } from '../support/fixtures';

/** The counsellor's småjobs and door-to-door outreach in a real Chromium (issue 23, parts 4-5). */
describe("the counsellor's småjobs and door-to-door outreach in the web app", () => {
  const browser = openBrowser();
  const web = startWebApp();

  async function openMenu(page: Page, entry: string, heading: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: entry }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }

  it("the counsellor starts Helle's småjob with the housing organisation and ends it with more hours", async () => {
    const socialWorker = await apiSession(web, await web.user('social_worker'));
    expectStatus(await socialWorker.post('/employers', { name: 'Boligselskabet Vestegnen', sector: 'private' }), 201, 'employer');
    const user = await web.user('counsellor', { name: 'Rasmus Rådgiver' });
    const counsellor = await apiSession(web, user);
    expectStatus(await counsellor.post('/residents', { housingAreaId: web.plan().areas.notEligible, firstName: 'Helle', lastName: 'Småjob', birthDate: '1978-04-12', gender: 'female' }), 201, 'Helle');

    const page = await browser.page();
    await signInThroughUi(page, user, web.url);
    await openMenu(page, 'Småjobs', 'Småjobs');
    await page.getByText('Der er ingen småjobs endnu.').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Find beboeren (navn, telefon eller pseudonym)').fill('Småjob');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.getByLabel('Beboer', { exact: true }).selectOption({ label: 'Helle Småjob, f. 1978' });
    await page.getByLabel('Arbejdsgiver', { exact: true }).selectOption({ label: 'Boligselskabet Vestegnen' });
    await page.getByLabel('Startdato').fill('2026-03-02');
    await page.getByLabel('Timer om ugen').fill('6');
    await page.getByRole('button', { name: 'Start småjobbet' }).click();
    await page.getByText('Småjobbet er startet.').waitFor();
    const table = page.getByRole('table', { name: 'Småjobs, nyeste først' });
    await table.getByRole('cell', { name: 'Helle Småjob', exact: true }).waitFor();
    await table.getByRole('cell', { name: '30-64 år' }).waitFor();
    await expectAccessible(page);

    await table.getByRole('button', { name: 'Afslut småjobbet for Helle Småjob' }).click();
    await page.getByRole('heading', { name: 'Afslut småjobbet for Helle Småjob', level: 2 }).waitFor();
    await page.getByLabel('Slutdato').fill('2026-05-29');
    await page.getByLabel('Hvordan endte det?').selectOption({ label: 'Flere timer' });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Afslut småjobbet', exact: true }).click();
    await table.getByRole('cell', { name: /^Flere timer/ }).waitFor();
    expect(await table.getByRole('button', { name: 'Afslut småjobbet for Helle Småjob' }).count()).toBe(0);
    await expectAccessible(page);

    const jobs = (await counsellor.get('/small-jobs')).body.items as { residentName: string; outcome: string; endedOn: string; hoursPerWeek: number }[];
    expect(jobs).toEqual([expect.objectContaining({ residentName: 'Helle Småjob', outcome: 'more_hours', endedOn: '2026-05-29', hoursPerWeek: 6 })]);
  }, BROWSER_TEST_TIMEOUT);

  it('the counsellor records a talk at the door with a young person from the municipality\'s list and opens a case from it', async () => {
    const user = await web.user('counsellor', { name: 'Rikke Rådgiver' });
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);
    await openMenu(page, 'Opsøgende', 'Opsøgende arbejde');
    await expectAccessible(page);

    await page.getByLabel('Listens navn').fill('Unge uden kontakt, marts');
    await page.getByLabel('Hvem har leveret listen?').fill('Ishøj Kommune, Ungeindsatsen');
    await page.getByLabel('Hjemmel').fill('Databehandleraftale med Ishøj Kommune');
    await page.getByLabel('Opbevaring i dage').fill('60');
    await page.getByRole('button', { name: 'Opret listen' }).click();
    await page.getByText('Listen er oprettet.').waitFor();
    await page.getByRole('link', { name: 'Unge uden kontakt, marts' }).click();
    await page.getByRole('heading', { name: 'Unge uden kontakt, marts', level: 1 }).waitFor();
    await page.getByText('Der er ingen unge på listen endnu.').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Navn', { exact: true }).fill('Amira Dørklokke');
    await page.getByLabel('Adresse').fill('Vejleåparken 12, 2. th.');
    await page.getByLabel('Fødselsår').fill('2004');
    await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await page.getByText('Den unge er tilføjet.').waitFor();
    const people = page.getByRole('table', { name: 'Unge på listen' });
    await people.getByRole('cell', { name: 'Amira Dørklokke' }).waitFor();

    await page.getByLabel('Ung', { exact: true }).selectOption({ label: 'Amira Dørklokke' });
    await page.getByLabel('Tidspunkt').fill('2026-03-02T17:30');
    await page.getByLabel('Udfald').selectOption({ label: 'Talte sammen' });
    await page.getByLabel('Opret en rådgivning fra samtalen').check();
    await page.getByLabel('Emne').selectOption({ label: 'Uddannelse' });
    await page.getByLabel('Boligområde').selectOption({ label: 'Vejleåparken' });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Registrér besøget' }).click();
    await page.getByText('Besøget er registreret, og rådgivningen er oprettet.').waitFor();
    await people.getByRole('cell', { name: /^Talte sammen/ }).waitFor();
    await people.getByRole('link', { name: 'Gå til rådgivningen' }).waitFor();
    await expectAccessible(page);

    const counsellor = await apiSession(web, user);
    const lists = (await counsellor.get('/outreach-lists')).body.items as { id: string; name: string }[];
    const detail = await counsellor.get(`/outreach-lists/${lists.find((l) => l.name === 'Unge uden kontakt, marts')!.id}`);
    const [amira] = detail.body.people as { residentId: string; attempts: { outcome: string; caseId: string }[] }[];
    expect(amira.attempts).toEqual([expect.objectContaining({ outcome: 'talked', caseId: expect.any(String) })]);
    const kase = await counsellor.get(`/counselling-cases/${amira.attempts[0].caseId}`);
    expect(kase.body).toMatchObject({ residentId: amira.residentId, topic: 'education', form: 'outreach', status: 'open' });

    await people.getByRole('link', { name: 'Gå til rådgivningen' }).click();
    await page.waitForURL(`${web.url}/sager/${amira.attempts[0].caseId}`);
  }, BROWSER_TEST_TIMEOUT);
});
