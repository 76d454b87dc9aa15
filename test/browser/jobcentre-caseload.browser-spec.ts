import { BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, openBrowser, signInThroughUi, startWebApp } from '../support/browser';

/** The job centre caseworker's own caseload in a real Chromium (issue 23; 002_* Varde, 004_* Sønderborg). */
describe("the caseworker's caseload in the web app", () => {
  const browser = openBrowser();
  const web = startWebApp();

  it('a caseworker registers a resident in the effort, marks Q1 active, ends the enrolment with a job and sees the quarter\'s figures', async () => {
    const page = await browser.page();
    const caseworker = await web.user('caseworker', { name: 'Jonas Jobcenter', organisationId: web.plan().organisations.jobcenter });
    await signInThroughUi(page, caseworker, web.url);
    await page.waitForURL(`${web.url}/henvisninger`);

    await page.getByRole('link', { name: 'Jobcenterforløb' }).click();
    await page.getByRole('heading', { name: 'Jobcenterets forløb i boligområdet', level: 1 }).waitFor();
    await page.getByText('Der er ingen borgere i indsatsen endnu.').waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Registrér en borger i indsatsen' }).click();
    await page.getByRole('heading', { name: 'Registrér en borger i indsatsen', level: 1 }).waitFor();
    // Nothing filled in: every missing answer is named next to its field.
    await page.getByRole('button', { name: 'Registrér forløbet' }).click();
    await page.getByText('Skriv borgerens fornavn.').first().waitFor();
    await expectAccessible(page);

    await page.getByLabel('Fornavn', { exact: true }).fill('Ali');
    await page.getByLabel('Efternavn', { exact: true }).fill('Hassan');
    await page.getByLabel('Boligområde', { exact: true }).selectOption({ label: 'Strandparken' });
    await page.getByLabel('Målgruppe', { exact: true }).selectOption({ label: '6.3 Aktivitetsparat kontanthjælps- og overgangsydelsesmodtager' });
    await page.getByLabel('Har komplekse problemstillinger').check();
    await page.getByLabel('Bor i boligområdet').check();
    await page.getByLabel('Startdato').fill('2026-01-12');
    await page.getByRole('button', { name: 'Registrér forløbet' }).click();

    await page.getByRole('heading', { name: 'Forløb: Ali Hassan', level: 1 }).waitFor();
    await page.getByText('Har komplekse problemstillinger; Bor i boligområdet').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Markér 2026-Q1 som aktiv' }).click();
    await page.getByText('2026-Q1 er markeret som aktiv.').waitFor();
    await page.getByRole('row', { name: /2026-Q1 Ja/ }).waitFor();

    await page.getByLabel('Slutdato').fill('2026-11-30');
    await page.getByLabel('Afslutningsårsag').selectOption({ label: 'Job' });
    await page.getByRole('button', { name: 'Afslut forløbet' }).click();
    await page.getByText('Forløbet er afsluttet.').waitFor();
    await expectAccessible(page);

    // Read back from the service: the list after the enrolment ended.
    await page.getByRole('link', { name: 'Tilbage til forløbene' }).click();
    await page.getByRole('heading', { name: 'Jobcenterets forløb i boligområdet', level: 1 }).waitFor();
    await page.getByRole('row', { name: /Ali Hassan Fremskudt jobcenter 6\.3 .* Afsluttet 30\. nov\. 2026 \(Job\)/ }).waitFor();

    await page.getByLabel('Periode', { exact: true }).selectOption({ label: '1. kvartal 2026' });
    await page.getByRole('button', { name: 'Vis tal' }).click();
    await page.getByRole('table', { name: '1. kvartal 2026' }).waitFor();
    await page.getByRole('row', { name: 'Borgere omfattet 1' }).waitFor();
    await page.getByRole('row', { name: 'Aktiveringsgrad 100 %' }).waitFor();
    await page.getByRole('table', { name: 'Omfattet fordelt på målgruppe' }).getByRole('row', { name: /^6\.3 .* 1$/ }).waitFor();
    await expectAccessible(page);
    await expectNoTokenInStorage(page);
  }, BROWSER_TEST_TIMEOUT);
});
