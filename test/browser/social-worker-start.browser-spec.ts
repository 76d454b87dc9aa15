import type { Page } from 'playwright-core';
import { apiSession, BROWSER_TEST_TIMEOUT, expectAccessible, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { expectStatus } from '../support/fixtures';
import { birthDateForAge } from '../support/programme-fixtures';

/** A social worker starts a leisure-job programme in the web app (issue 22): find or register the youth, then start. */
describe('the social worker starts a leisure-job programme in the web app', () => {
  const browser = openBrowser();
  const web = startWebApp();

  const openNewProgramme = async (page: Page) => {
    await page.waitForURL(`${web.url}/forloeb`);
    await page.getByRole('link', { name: 'Nyt forløb' }).click();
    await page.getByRole('heading', { name: 'Nyt forløb', level: 1 }).waitFor();
  };

  it('a youth who may already be registered is compared side by side, confirmed as another person, and her programme starts', async () => {
    const user = await web.user('social_worker', { name: 'Sofie Socialrådgiver' });
    const sw = await apiSession(web, user);
    const birthDate = birthDateForAge(14);
    // Another Amira Hassan with the same birth date is registered already: the API calls it a possible duplicate.
    expectStatus(await sw.post('/residents', { housingAreaId: web.plan().areas.eligible, firstName: 'Amira', lastName: 'Hassan', birthDate, phone: '+4511223344', gender: 'female', confirmNotDuplicate: true }), 201, 'the other Amira');
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);
    await openNewProgramme(page);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Registrér en ny ung' }).click();
    await page.getByLabel('Boligområde').selectOption({ label: 'Vejleåparken' });
    await page.getByLabel('Fornavn').fill('Amira');
    await page.getByLabel('Efternavn').fill('Hassan');
    await page.getByLabel('Fødselsdato').fill(birthDate);
    await page.getByLabel('Telefon (valgfrit)').fill('+4599887766');
    await page.getByRole('button', { name: 'Registrér den unge' }).click();

    const compare = page.getByRole('region', { name: 'Er den unge allerede registreret?' });
    await compare.waitFor();
    const table = compare.getByRole('table');
    await table.getByRole('columnheader', { name: 'Det har du skrevet' }).waitFor();
    await table.getByRole('columnheader', { name: 'Allerede registreret' }).waitFor();
    await table.getByRole('cell', { name: '+4511223344' }).waitFor();
    await table.getByRole('cell', { name: '+4599887766' }).waitFor();
    await expectAccessible(page);

    await compare.getByRole('button', { name: 'Det er ikke samme person – registrér den unge' }).click();
    await page.getByRole('heading', { name: 'Start forløb for Amira Hassan', level: 2 }).waitFor();
    await page.getByLabel('Henvist af (valgfrit)').selectOption({ label: 'Skole' });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Start forløbet' }).click();
    await page.getByRole('heading', { name: 'Forløb: Amira Hassan', level: 1 }).waitFor();
    await page.getByText('Afklaring og forventningsafstemning').first().waitFor();

    // Two Amira Hassans now: the new one has the programme, the other none.
    const residents = await sw.get('/residents?q=Amira');
    expect(residents.body.items).toHaveLength(2);
    const programmes: { youthName: string }[] = (await sw.get('/job-programmes')).body.items;
    expect(programmes.filter((p) => p.youthName === 'Amira Hassan')).toHaveLength(1);
  }, BROWSER_TEST_TIMEOUT);

  it('a youth found by search who is too old and lives outside the eligible areas is refused, each reason in Danish at its field', async () => {
    const user = await web.user('social_worker', { name: 'Sune Socialrådgiver' });
    const sw = await apiSession(web, user);
    const jonas = await sw.post('/residents', { housingAreaId: web.plan().areas.notEligible, firstName: 'Jonas', lastName: 'Berg', birthDate: birthDateForAge(17), gender: 'male', confirmNotDuplicate: true });
    expectStatus(jonas, 201, 'Jonas');
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);
    await openNewProgramme(page);

    await page.getByLabel('Søg efter den unge (navn eller telefon)').fill('Jonas');
    await page.getByRole('search').getByRole('button', { name: 'Søg' }).click();
    await page.getByRole('table', { name: '1 ung fundet' }).getByRole('cell', { name: 'Strandparken' }).waitFor();
    await page.getByRole('button', { name: 'Vælg Jonas Berg' }).click();
    await page.getByRole('button', { name: 'Start forløbet' }).click();

    await page.getByRole('alert').getByText('Den unge kan ikke starte et fritidsjobforløb. Se forklaringen ved feltet.').waitFor();
    const startDate = page.getByLabel('Startdato');
    expect(await startDate.getAttribute('aria-invalid')).toBe('true');
    const described = await startDate.getAttribute('aria-describedby');
    expect(described).toContain('start-date-error');
    await page.getByText('Den unge er 17 år på startdagen og er uden for forløbets aldersgruppe i planens indstillinger.').waitFor();
    await page.getByText('Strandparken er ikke et boligområde, hvor unge kan komme i fritidsjobforløb.').waitFor();
    await expectAccessible(page);
    const programmes: { residentId: string }[] = (await sw.get('/job-programmes')).body.items;
    expect(programmes.filter((p) => p.residentId === jonas.body.id)).toHaveLength(0);
  }, BROWSER_TEST_TIMEOUT);
});
