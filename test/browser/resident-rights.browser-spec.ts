import { BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { asOwner, expectStatus } from '../support/fixtures';
import { apiCounsellor } from './counsellor-world';
import { downloaded, helleOf, openResident } from './resident-rights-world';

/** A resident's rights in a real Chromium (issue 22): the access log, the copy and erasure, from the resident's page. */
describe("a resident's rights on the counsellor's resident page", () => {
  const browser = openBrowser();
  const web = startWebApp();
  const helle = () => helleOf(web);

  it("reads Helle's access log, downloads her copy and her log, then erases her with a reason and sees what is kept", async () => {
    const residentId = await helle();
    const page = await browser.page();
    await signInThroughUi(page, await web.counsellor(), web.url);
    await openResident(page, web, residentId);
    await expectAccessible(page);

    // The access log: read when asked for, in Danish, newest first.
    await page.getByRole('button', { name: 'Vis adgangsloggen' }).click();
    const log = page.getByRole('table', { name: 'Adgangslog, nyeste først' });
    await log.waitFor();
    await log.getByRole('cell', { name: 'Registrerede en samtale' }).waitFor();
    await log.getByRole('cell', { name: 'Oprettede beboeren' }).waitFor();
    // Opening her page a moment ago is on top (with the list of her cases, read at the same time).
    const opened = log.getByRole('row').nth(1).or(log.getByRole('row').nth(2)).filter({ hasText: 'Så beboerens oplysninger' });
    expect(await opened.getByRole('cell').nth(1).textContent()).toBe('Rasmus Rådgiver, Social- og økonomisk rådgiver');
    const conversation = log.getByRole('row').filter({ hasText: 'Registrerede en samtale' });
    expect(await conversation.getByRole('cell').allTextContents()).toEqual([expect.stringMatching(/^\d+\. \w+\.? \d{4} kl\. \d\d\.\d\d$/), 'Kollega Rådgiver, Social- og økonomisk rådgiver', 'Registrerede en samtale', 'Rådgivning']);
    await expectAccessible(page);

    const logPdf = await downloaded(page, 'Hent adgangsloggen som PDF til beboeren');
    expect(logPdf.name).toBe(`adgangslog-${residentId}.pdf`);
    expect(logPdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('status').filter({ hasText: `Filen adgangslog-${residentId}.pdf er hentet.` }).waitFor();

    // The copy: everything about Helle, with Danish labels next to the codes.
    const json = await downloaded(page, 'Hent kopien som JSON');
    expect(json.name).toBe(`beboerdata-${residentId}.json`);
    const copy = JSON.parse(json.bytes.toString('utf8'));
    expect(copy.resident).toMatchObject({ id: residentId, firstName: 'Helle', lastName: 'Hansen', phone: '+45 20 30 40 50', genderLabel: 'Kvinde' });
    expect(copy.counsellingCases).toEqual([expect.objectContaining({ topic: 'debt', topicLabel: 'Gæld', subject: 'Gæld til SKAT', contacts: [expect.objectContaining({ note: 'Helle græd' })] })]);
    expect(copy.accessLog[0]).toMatchObject({ action: 'resident.exported', actionLabel: 'Udleverede en kopi af beboerens data' });
    const pdf = await downloaded(page, 'Hent kopien som PDF');
    expect(pdf.name).toBe(`beboerdata-${residentId}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page);

    // Erasure: a reason is asked for first, then what goes, what stays and what follows.
    await page.getByRole('button', { name: 'Slet oplysningerne …' }).click();
    await page.getByRole('link', { name: 'Vælg, hvorfor oplysningerne skal slettes.' }).waitFor();
    await page.getByLabel('Hvorfor skal oplysningerne slettes?').selectOption({ label: 'Beboeren har bedt om at få sine oplysninger slettet' });
    await page.getByRole('button', { name: 'Slet oplysningerne …' }).click();
    const confirmation = page.getByRole('heading', { name: 'Er du sikker på, at oplysningerne skal slettes?' });
    await confirmation.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Er du sikker på, at oplysningerne skal slettes?');
    for (const line of ['Navn, telefonnummer og e-mail', 'Køn', 'Boligområde', 'Fødselsår, og om fødselsdagen ligger i årets første eller andet halvår']) {
      await page.getByRole('listitem').filter({ hasText: line }).first().waitFor();
    }
    await page.getByText('Der kan ikke registreres noget nyt om beboeren').waitFor();
    await expectAccessible(page);
    expect(await asOwner(`SELECT 1 FROM residents WHERE id = $1 AND erased_at IS NULL`, [residentId])).toHaveLength(1);

    await page.getByRole('button', { name: 'Ja, slet oplysningerne' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Oplysningerne er slettet' });
    await done.waitFor();
    const [row] = await asOwner<{ pseudonym: string; first_name: string | null; birth_year: number; birth_half: number; gender: string; erasure_reason: string }>(
      `SELECT pseudonym, first_name, birth_year, birth_half, gender, erasure_reason FROM residents WHERE id = $1`,
      [residentId],
    );
    expect(row).toMatchObject({ first_name: null, birth_year: 1979, birth_half: 2, gender: 'female', erasure_reason: 'resident_request' });
    await done.getByText(`Beboeren hedder nu ${row.pseudonym}. Gemt er kun fødselsår og halvår, køn og boligområde`).waitFor();
    await expectAccessible(page);

    // Her page shows her by her pseudonym at once, and from now on.
    await page.getByRole('heading', { name: `Anonym (${row.pseudonym})`, level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: `Anonym (${row.pseudonym})`, level: 1 }).waitFor();
    expect(await page.getByText('Helle').count()).toBe(0);
    await expectNoTokenInStorage(page);
  }, BROWSER_TEST_TIMEOUT * 2);

  it("lets the plan's leader read a resident's access log without her name, and offers neither her copy nor her erasure", async () => {
    const residentId = await helle();
    const leader = await web.user('leader', { name: 'Lene Leder' });
    const page = await browser.page();
    await signInThroughUi(page, leader, web.url);
    await page.goto(`${web.url}/beboere/${residentId}/adgangslog`);
    await page.getByRole('heading', { name: 'Adgangslog for en beboer', level: 1 }).waitFor();
    await page.getByText('Som leder ser du adgangsloggen uden beboerens navn.').waitFor();
    await page.getByRole('button', { name: 'Vis adgangsloggen' }).click();
    const log = page.getByRole('table', { name: 'Adgangslog, nyeste først' });
    await log.getByRole('cell', { name: 'Registrerede en samtale' }).waitFor();
    await expectAccessible(page);
    expect(await page.getByText(/Helle|Hansen/).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Hent kopien/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Slet beboerens oplysninger' }).count()).toBe(0);
    const logPdf = await downloaded(page, 'Hent adgangsloggen som PDF til beboeren');
    expect(logPdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  }, BROWSER_TEST_TIMEOUT);

  it('shows a long access log a page at a time, the older events after "Vis flere"', async () => {
    const residentId = await helle();
    const colleague = await apiCounsellor(web);
    for (let i = 0; i < 50; i += 1) expectStatus(await colleague.get(`/residents/${residentId}`), 200, 'read Helle');
    const page = await browser.page();
    await signInThroughUi(page, await web.counsellor(), web.url);
    await page.goto(`${web.url}/beboere/${residentId}`);
    await page.getByRole('button', { name: 'Vis adgangsloggen' }).click();
    await page.getByRole('status').filter({ hasText: 'Viser 50 hændelser.' }).waitFor();
    const log = page.getByRole('table', { name: 'Adgangslog, nyeste først' });
    expect(await log.getByRole('cell', { name: 'Oprettede beboeren' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Vis flere' }).click();
    await log.getByRole('cell', { name: 'Oprettede beboeren' }).waitFor();
    expect(await page.getByRole('button', { name: 'Vis flere' }).count()).toBe(0);
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);
});
