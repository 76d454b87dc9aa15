import type { Page } from 'playwright-core';
import { apiSession, BROWSER_TEST_TIMEOUT, expectAccessible, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { asOwner, Caller, expectStatus } from '../support/fixtures';
import { birthDateForAge } from '../support/programme-fixtures';

/** The youth's rights and consents on the social worker's programme page (issue 22). */
describe("the youth's rights and consents on the social worker's programme page", () => {
  const browser = openBrowser();
  const web = startWebApp();

  /** Through the API: a 14-year-old registered and her programme started; returns the programme's and her ids. */
  async function youthWithProgramme(sw: Caller, firstName: string): Promise<{ programmeId: string; residentId: string }> {
    const youth = await sw.post('/residents', { housingAreaId: web.plan().areas.eligible, firstName, lastName: 'Hassan', birthDate: birthDateForAge(14), gender: 'female', confirmNotDuplicate: true });
    expectStatus(youth, 201, 'register youth');
    const programme = await sw.post('/job-programmes', { residentId: youth.body.id });
    expectStatus(programme, 201, 'start programme');
    return { programmeId: programme.body.id, residentId: youth.body.id };
  }

  /** The reason is chosen once: after a refusal the form keeps it. */
  const askToErase = async (page: Page, chooseReason: boolean) => {
    if (chooseReason) await page.getByLabel('Hvorfor skal oplysningerne slettes?').selectOption({ label: 'Beboeren har bedt om at få sine oplysninger slettet' });
    await page.getByRole('button', { name: 'Slet oplysningerne …' }).click();
    await page.getByRole('heading', { name: 'Er du sikker på, at oplysningerne skal slettes?' }).waitFor();
    await page.getByRole('button', { name: 'Ja, slet oplysningerne' }).click();
  };

  it("erasing a youth whose programme is running is refused with the reason in Danish; once the programme has ended, the erasure goes through and the page shows her pseudonym", async () => {
    const user = await web.user('social_worker', { name: 'Sofie Socialrådgiver' });
    const { programmeId, residentId } = await youthWithProgramme(await apiSession(web, user), 'Amira');
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);
    await page.goto(`${web.url}/forloeb/${programmeId}`);
    await page.getByRole('heading', { name: 'Forløb: Amira Hassan', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Beboerens rettigheder', level: 2 }).waitFor();
    await expectAccessible(page);

    await askToErase(page, true);
    await page
      .getByRole('alert')
      .getByText('Oplysningerne kan ikke slettes endnu, fordi den unges fritidsjobforløb stadig kører. Afslut forløbet (eller lad det ende i et ordinært fritidsjob) først, og slet så oplysningerne.')
      .waitFor();
    await expectAccessible(page);
    expect(await asOwner(`SELECT 1 FROM residents WHERE id = $1 AND erased_at IS NULL`, [residentId])).toHaveLength(1);

    await page.getByText('Afslut forløbet før tid').click();
    await page.getByLabel('Begrundelse for at afslutte').fill('Familien er flyttet');
    await page.getByRole('button', { name: 'Afslut forløbet' }).click();
    await page.getByRole('status').filter({ hasText: 'Forløbet er flyttet til Afsluttet før tid.' }).waitFor();

    await askToErase(page, false);
    await page.getByRole('status').filter({ hasText: 'Oplysningerne er slettet' }).waitFor();
    const [row] = await asOwner<{ pseudonym: string; first_name: string | null }>(`SELECT pseudonym, first_name FROM residents WHERE id = $1`, [residentId]);
    expect(row.first_name).toBeNull();
    // The page read itself again: the youth is now named by the pseudonym only.
    await page.getByRole('heading', { name: `Forløb: ${row.pseudonym}`, level: 1 }).waitFor();
    expect(await page.getByText('Amira').count()).toBe(0);
    await expectAccessible(page);
    // Back to the board she was found on, not to the counsellor's residents.
    await page.getByRole('link', { name: 'Gå til forløbene' }).click();
    await page.getByRole('heading', { name: 'Fritidsjobforløb', level: 1 }).waitFor();
  }, BROWSER_TEST_TIMEOUT * 2);

  it("withdrawing the mother's consent to the programme keeps it in the list as withdrawn, with the reason she gave", async () => {
    const user = await web.user('social_worker', { name: 'Sune Socialrådgiver' });
    const sw = await apiSession(web, user);
    const { programmeId, residentId } = await youthWithProgramme(sw, 'Leila');
    const guardian = await sw.post(`/residents/${residentId}/guardians`, { name: 'Fatima Hassan', relation: 'mother' });
    expectStatus(guardian, 201, 'add guardian');
    const consent = await sw.post('/consents', {
      residentId,
      scope: 'job_programme_participation',
      recipientOrganisationIds: [],
      givenBy: 'guardian',
      guardianId: guardian.body.id,
      form: 'written',
      givenAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    expectStatus(consent, 201, 'record consent');
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);
    await page.goto(`${web.url}/forloeb/${programmeId}`);
    await page.getByRole('heading', { name: 'Forløb: Leila Hassan', level: 1 }).waitFor();
    const consents = page.getByRole('table', { name: 'Samtykker' });
    await consents.getByRole('cell', { name: 'Gælder' }).waitFor();

    await consents.getByRole('button', { name: 'Træk samtykket til deltagelse i fritidsjobforløbet tilbage' }).click();
    await page.getByRole('heading', { name: 'Træk samtykket til deltagelse i fritidsjobforløbet tilbage', level: 3 }).waitFor();
    await page.getByLabel('Begrundelse (valgfrit)').fill('Mor ringede: Leila skal bruge tiden på skolen');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Træk samtykket tilbage', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Samtykket er trukket tilbage.' }).waitFor();
    await consents.getByRole('cell', { name: /^Trukket tilbage \d/ }).waitFor();
    expect(await consents.getByRole('button', { name: /Træk samtykket/ }).count()).toBe(0);
    await expectAccessible(page);
    const [row] = await asOwner<{ reason: string }>(`SELECT reason FROM consent_withdrawals WHERE consent_id = $1`, [consent.body.id]);
    expect(row.reason).toBe('Mor ringede: Leila skal bruge tiden på skolen');
    // Without the participation consent, matching needs it again.
    await page.getByText('Samtykke fra en forælder til forløbet').first().waitFor();
  }, BROWSER_TEST_TIMEOUT);
});
