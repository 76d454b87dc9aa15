import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { apiSession, BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { asOwner, expectStatus } from '../support/fixtures';

/** The leader's half-year report and indicators in a real Chromium (issue 22). */
describe("the leader's half-year report and indicators in the web app", () => {
  const browser = openBrowser();
  const web = startWebApp();

  /** The half-year that ended last, in Danish time: the one the page suggests. */
  function lastEndedHalfYear(now = new Date()): { year: number; half: 1 | 2; month: string } {
    const [year, month] = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }).split('-').map(Number);
    return month <= 6 ? { year: year - 1, half: 2, month: `${year - 1}-09` } : { year, half: 1, month: `${year}-03` };
  }

  /** Six cases (five about debt, one about family) and seven contacts in the last ended half-year. */
  async function aHalfYearOfCounselling(): Promise<void> {
    const counsellor = await apiSession(web, await web.user('counsellor', { name: 'Camilla Rådgiver' }));
    const { month } = lastEndedHalfYear();
    const topics = ['debt', 'debt', 'debt', 'debt', 'debt', 'family'];
    for (const [i, topic] of topics.entries()) {
      // One case per resident: a resident has one open case per matter.
      const resident = await counsellor.post('/residents', { housingAreaId: web.plan().areas.eligible, firstName: `Helle ${i}`, lastName: 'Jensen', birthDate: '1978-04-12', gender: 'female', confirmNotDuplicate: true });
      expectStatus(resident, 201, 'register');
      const openedAt = `${month}-${String(i + 10)}T10:00:00+01:00`;
      const kase = await counsellor.post('/counselling-cases', { residentId: resident.body.id, topic, form: 'appointment', openedAt });
      expectStatus(kase, 201, 'open case');
      await counsellor.post(`/counselling-cases/${kase.body.id}/contacts`, { occurredAt: openedAt, channel: 'in_person' }).expect(201);
      if (i === 0) await counsellor.post(`/counselling-cases/${kase.body.id}/contacts`, { occurredAt: `${month}-20T10:00:00+01:00`, channel: 'in_person' }).expect(201);
    }
  }

  it('the leader requests the half-year report, follows its progress, reads its figures and downloads the XLSX with the same numbers as the API', async () => {
    await aHalfYearOfCounselling();
    const user = await web.user('leader', { name: 'Lene Leder' });
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Halvårsrapport' }).click();
    await page.getByRole('heading', { name: 'Halvårsrapport', level: 1 }).waitFor();
    const { year, half } = lastEndedHalfYear();
    // The last half-year that has ended is chosen already.
    const chosen = await page.getByLabel('Halvår', { exact: true }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0].textContent);
    expect(chosen).toContain(`${half}. halvår ${year}`);
    await page.getByText('Der er ikke bestilt nogen rapporter endnu.').waitFor();
    await expectAccessible(page);

    // The queue computes a small plan's report in a moment; the first answer the page reads says what a running job reports.
    let faked = false;
    await page.route(/\/api\/v1\/reports\/[0-9a-f-]{36}$/, async (route) => {
      const real = await route.fetch();
      if (faked) return route.fulfill({ response: real });
      faked = true;
      return route.fulfill({ response: real, json: { ...(await real.json()), status: 'running', progress: 40, result: null } });
    });
    await page.getByRole('button', { name: 'Bestil rapport' }).click();
    await page.getByText('Rapporten beregnes: 40 % færdig.').waitFor();
    expect(await page.getByRole('progressbar', { name: 'Rapportens fremdrift' }).getAttribute('value')).toBe('40');
    await expectAccessible(page);

    // Then the real answer: the report is done, and its figures are in the page.
    await page.getByText('Rapporten er færdig.').waitFor();
    await page.getByRole('heading', { name: `Halvårsrapport ${half}. halvår ${year}`, level: 1 }).waitFor();
    const keyFigures = page.getByRole('table', { name: 'Nøgletal: rådgivning' });
    await expect(keyFigures.getByRole('row', { name: /Rådgivninger påbegyndt/ }).getByRole('cell').textContent()).resolves.toBe('6');
    // One family case is a small count: "<5", as in the files, and the debt cases hidden with it.
    const byTopic = page.getByRole('table', { name: 'Rådgivninger fordelt på emne' });
    await expect(byTopic.getByRole('row', { name: /Familie/ }).getByRole('cell').first().textContent()).resolves.toBe('<5');
    await expectAccessible(page);

    const reportId = page.url().split('/').at(-1)!;
    const fromApi = await (await apiSession(web, user)).get(`/reports/${reportId}`);
    expectStatus(fromApi, 200, 'report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent som Excel (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toBe(`halvaarsstatistik-${year}-H${half}-v1.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const counselling = workbook.getWorksheet('Rådgivning')!;
    const cell = (label: string) => {
      let value: unknown;
      counselling.eachRow((row) => {
        if (value === undefined && row.getCell(1).value === label) value = row.getCell(2).value;
      });
      return value;
    };
    expect(cell('Rådgivninger påbegyndt')).toBe(fromApi.body.result.counselling.casesStarted);
    expect(cell('Kontakter')).toBe(fromApi.body.result.counselling.contacts);
    expect([cell('Rådgivninger påbegyndt'), cell('Kontakter')]).toEqual([6, 7]);

    // The report is in the list of versions; a second request is version 2, and version 1 is still there.
    await page.getByRole('link', { name: 'Alle rapporter' }).click();
    await page.getByRole('link', { name: `Vis ${half}. halvår ${year}, version 1` }).waitFor();
    await page.getByRole('button', { name: 'Bestil rapport' }).click();
    await page.getByText('Rapporten er færdig.').waitFor();
    await page.getByText('Version 2, bestilt', { exact: false }).waitFor();
    await page.getByRole('region', { name: 'Andre versioner af halvåret' }).getByRole('link', { name: 'Version 1' }).click();
    await page.getByText('Version 1, bestilt', { exact: false }).waitFor();
    await expectAccessible(page);
    await expectNoTokenInStorage(page);
  }, BROWSER_TEST_TIMEOUT);

  it('the leader records an indicator value, corrects it and sees both in its history', async () => {
    const user = await web.user('leader', { name: 'Lise Leder' });
    const leader = await apiSession(web, user);
    const added = await leader.post('/indicators', { goal: 'Flere unge trives i skolen', indicator: 'Andel elever i trivsel', unit: 'procent', baseline: 61, baselineYear: 2024, dataSource: 'Trivselsmålingen', target: 75, targetYear: 2029 });
    expectStatus(added, 201, 'indicator');
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Indikatorer' }).click();
    const card = page.getByRole('region', { name: 'Andel elever i trivsel' });
    await card.getByText('Der er ikke registreret nogen værdier endnu.').waitFor();
    await expectAccessible(page);

    await card.getByLabel('Periode').fill('2026-H1');
    await card.getByLabel('Værdi', { exact: true }).fill('64,5');
    await card.getByLabel('Kilde (valgfri)').fill('Trivselsmåling, Vejleåparken Skole');
    await card.getByRole('button', { name: 'Gem værdi' }).click();
    await card.getByText('Værdien for 1. halvår 2026 er gemt.').waitFor();
    const values = card.getByRole('table', { name: 'Værdier for Andel elever i trivsel' });
    await values.getByRole('cell', { name: '64,5' }).waitFor();
    await values.getByRole('cell', { name: 'Trivselsmåling, Vejleåparken Skole' }).waitFor();
    await expectAccessible(page);

    // A second value for the half-year is a correction: it is the value now, and the first is kept.
    await card.getByLabel('Værdi', { exact: true }).fill('66');
    await card.getByRole('button', { name: 'Gem værdi' }).click();
    await values.getByRole('cell', { name: '66', exact: true }).waitFor();
    expect(await values.getByRole('cell', { name: '64,5' }).count()).toBe(0);
    await card.getByRole('button', { name: 'Vis rettelser' }).click();
    await values.getByRole('cell', { name: '64,5' }).waitFor();
    await values.getByText('Rettelse 1').waitFor();
    await card.getByText(/Værdier: 1\. halvår 2026: 66\. Mål: 75 i 2029\./).waitFor();
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);

  it('a report of the running half-year is marked interim, and a report that failed says what to do', async () => {
    const user = await web.user('leader', { name: 'Lars Leder' });
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);
    await page.goto(`${web.url}/rapport`);
    const select = page.getByLabel('Halvår', { exact: true });
    const running = await select.evaluate((s: HTMLSelectElement) => Array.from(s.options).find((o) => o.textContent!.includes('igangværende'))!.value);
    await select.selectOption(running);
    await page.getByRole('button', { name: 'Bestil rapport' }).click();
    await page.getByText('Rapporten er færdig.').waitFor();
    await page.getByRole('heading', { level: 1 }).getByText('Foreløbig').waitFor();
    await page.getByText('Foreløbig: halvåret er ikke slut, så tallene kan stadig ændre sig.').waitFor();

    // A report whose job was given up on, as the runner leaves it.
    const [failed] = await asOwner<{ id: string }>(
      `INSERT INTO half_year_reports (plan_id, year, half, version, status, progress, interim, trigger, parameters, failure_reason)
       SELECT plan_id, year, half, version + 1, 'failed', 30, interim, trigger, parameters, 'The report could not be computed' FROM half_year_reports WHERE id = $1
       RETURNING id`,
      [page.url().split('/').at(-1)],
    );
    await page.goto(`${web.url}/rapport/${failed.id}`);
    await page.getByText('Rapporten kunne ikke beregnes. Bestil den igen', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Hent som Excel (XLSX)' }).count()).toBe(0);
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);

  it('the report and indicator screens are not part of the first load', async () => {
    const page = await browser.page();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${web.url}/log-ind`);
    await page.getByLabel('E-mail').waitFor();
    const loaded = await Promise.all(scripts.map(async (url) => (await fetch(url)).text()));
    expect(loaded.join('\n')).not.toContain('Rapportens fremdrift');
  }, BROWSER_TEST_TIMEOUT);
});
