import type { Page } from 'playwright-core';
import { apiSession, BROWSER_TEST_TIMEOUT, expectAccessible, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { expectStatus } from '../support/fixtures';

/** A leader adds and corrects the plan's indicators in a real Chromium (issue 22); the file's plan starts without any. */
describe("the leader's indicators in the web app", () => {
  const browser = openBrowser();
  const web = startWebApp();
  const checklistRow = (page: Page, item: string) => page.getByRole('table', { name: 'Hvad helhedsplanen mangler' }).getByRole('row', { name: new RegExp(`^${item}`) });

  it('a new leader adds an indicator with a baseline and a yearly target, corrects its target, and the checklist counts it', async () => {
    const user = await web.user('leader', { name: 'Ida Leder' });
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);
    await page.goto(`${web.url}/plan`);
    expect(await checklistRow(page, 'Indikatorer').innerText()).toMatch(/Mangler/);
    await checklistRow(page, 'Indikatorer').getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Indikatorer' }).waitFor();
    await page.getByText('Planen har ingen indikatorer endnu.').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Tilføj indikator' }).click();
    const form = page.getByRole('form', { name: 'Tilføj en indikator' });
    // Nothing filled in: each required field says so, at the field.
    await form.getByRole('button', { name: 'Tilføj indikatoren' }).click();
    await form.getByRole('alert').getByText('Udfyld delmål.').waitFor();
    await form.getByLabel('Mål (valgfrit)', { exact: true }).fill('18 unge');
    await form.getByRole('button', { name: 'Tilføj indikatoren' }).click();
    await form.getByRole('alert').getByText('Skriv et tal med højst fire decimaler, fx 12 eller 0,42.').waitFor();
    await expectAccessible(page);

    await form.getByLabel('Delmål', { exact: true }).fill('Øge de unges viden om arbejdsmarkedet');
    await form.getByLabel('Indikator', { exact: true }).fill('Antal unge, der starter et fritidsjobforløb');
    await form.getByLabel('Enhed', { exact: true }).fill('unge pr. år');
    await form.getByLabel('Datakilde', { exact: true }).fill('Helhedsplanens registreringer');
    await form.getByLabel('Baseline (valgfri)', { exact: true }).fill('12,5');
    await form.getByLabel('Baselineår (valgfrit)', { exact: true }).fill('2024');
    await form.getByLabel('Kilde til baseline (valgfri)', { exact: true }).fill('LBF - Beboerdata');
    await form.getByLabel('Mål (valgfrit)', { exact: true }).fill('18,5');
    await form.getByLabel('Målår (valgfrit)', { exact: true }).fill('2029');
    await form.getByLabel('Hvordan målet læses').selectOption({ label: 'Et antal pr. år' });
    const [added] = await Promise.all([page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/indicators')), form.getByRole('button', { name: 'Tilføj indikatoren' }).click()]);
    expect(added.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByText('Indikatoren Antal unge, der starter et fritidsjobforløb er tilføjet.').waitFor();
    // The form is gone; focus is on what happened, not lost at the top of the page.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('er tilføjet');
    const card = page.getByRole('region', { name: 'Antal unge, der starter et fritidsjobforløb' });
    await card.getByText('12,5 unge pr. år (2024), kilde: LBF - Beboerdata').waitFor();
    await card.getByText('18,5 unge pr. år i 2029').waitFor();
    await expectAccessible(page);
    const leader = await apiSession(web, user);
    const [stored] = (await leader.get('/indicators')).body.items;
    expect(stored).toMatchObject({ baseline: 12.5, baselineYear: 2024, target: 18.5, targetYear: 2029, targetKind: 'yearly', metric: null, description: null });

    // The correction sends the target alone, with the version it was read at.
    await card.getByRole('button', { name: 'Ret Antal unge, der starter et fritidsjobforløb' }).click();
    const edit = card.getByRole('form', { name: 'Ret Antal unge, der starter et fritidsjobforløb' });
    expect(await edit.getByLabel('Mål (valgfrit)', { exact: true }).inputValue()).toBe('18,5');
    // What the system computes is chosen once; the correction does not offer it.
    expect(await edit.getByLabel('Hvor kommer værdierne fra?').count()).toBe(0);
    await expectAccessible(page);
    await edit.getByLabel('Mål (valgfrit)', { exact: true }).fill('20,25');
    const sent: unknown[] = [];
    await page.route('**/api/v1/indicators/*', async (route) => {
      if (route.request().method() === 'PATCH') sent.push(JSON.parse(route.request().postData() ?? 'null'));
      await route.continue();
    });
    await edit.getByRole('button', { name: 'Gem ændringerne' }).click();
    await page.getByText('Indikatoren Antal unge, der starter et fritidsjobforløb er gemt.').waitFor();
    await card.getByText('20,25 unge pr. år i 2029').waitFor();
    expect(sent).toEqual([{ target: 20.25, version: stored.version }]);
    expect((await leader.get('/indicators')).body.items[0]).toMatchObject({ target: 20.25, baseline: 12.5 });

    // Someone else changes it while the form is open: told in Danish, and "Hent igen" shows their change.
    await card.getByRole('button', { name: 'Ret Antal unge, der starter et fritidsjobforløb' }).click();
    const current = (await leader.get('/indicators')).body.items[0];
    expectStatus(await leader.patch(`/indicators/${current.id}`, { targetYear: 2030, version: current.version }), 200, 'other change');
    await edit.getByLabel('Baseline (valgfri)', { exact: true }).fill('');
    await edit.getByRole('button', { name: 'Gem ændringerne' }).click();
    await edit.getByText('En anden har ændret det i mellemtiden. Hent siden igen.').waitFor();
    await expectAccessible(page);
    await edit.getByRole('button', { name: 'Hent igen' }).click();
    await card.getByText('20,25 unge pr. år i 2029').waitFor({ state: 'detached' });
    await card.getByText('20,25 unge pr. år i 2030').waitFor();
    expect((await leader.get('/indicators')).body.items[0]).toMatchObject({ baseline: 12.5, targetYear: 2030 });
    // Emptied fields are sent as null, which clears them.
    await card.getByRole('button', { name: 'Ret Antal unge, der starter et fritidsjobforløb' }).click();
    await edit.getByLabel('Baseline (valgfri)', { exact: true }).fill('');
    await edit.getByLabel('Baselineår (valgfrit)', { exact: true }).fill('');
    await edit.getByLabel('Kilde til baseline (valgfri)', { exact: true }).fill('');
    await edit.getByRole('button', { name: 'Gem ændringerne' }).click();
    await card.getByText('12,5 unge pr. år (2024), kilde: LBF - Beboerdata').waitFor({ state: 'detached' });
    expect(sent.at(-1)).toEqual({ baseline: null, baselineYear: null, baselineSource: null, version: current.version + 1 });
    expect((await leader.get('/indicators')).body.items[0]).toMatchObject({ baseline: null, baselineYear: null, baselineSource: null, target: 20.25 });

    await page.goto(`${web.url}/plan`);
    await page.getByRole('heading', { level: 1, name: 'Opstart af helhedsplanen' }).waitFor();
    await checklistRow(page, 'Indikatorer').getByText('1 indikator', { exact: true }).waitFor();
    expect(await checklistRow(page, 'Indikatorer').innerText()).toMatch(/Klar\s*1 indikator\b/);
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);
});
