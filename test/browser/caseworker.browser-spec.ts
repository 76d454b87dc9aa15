import type { Page } from 'playwright-core';
import { apiSession, BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { expectStatus } from '../support/fixtures';

/** The job centre caseworker's screens in a real Chromium (issue 21): the referral inbox and the residents shared by consent. */
describe("the caseworker's inbox and shared residents in the web app", () => {
  const browser = openBrowser();
  const web = startWebApp();

  /**
   * Through the API, as a counsellor's drop-in hour leaves it: a resident whose written consent shares
   * her counselling (not its notes) with the job centre until next year, a case about employment, and
   * a referral of it to the job centre.
   */
  async function referredToTheJobCentre(firstName: string): Promise<{ residentId: string; referralId: string }> {
    const plan = web.plan();
    const counsellor = await apiSession(web, await web.user('counsellor', { name: 'Camilla Rådgiver' }));
    const resident = await counsellor.post('/residents', { housingAreaId: plan.areas.eligible, firstName, lastName: 'Jensen', birthDate: '1978-04-12', gender: 'female', phone: '+4520304050', confirmNotDuplicate: true });
    expectStatus(resident, 201, 'register');
    const consent = await counsellor.post('/consents', {
      residentId: resident.body.id,
      scope: 'share_counselling',
      recipientOrganisationIds: [plan.organisations.jobcenter],
      givenBy: 'resident',
      form: 'written',
      givenAt: new Date(Date.now() - 3_600_000).toISOString(),
      expiresAt: '2027-12-31T12:00:00.000Z',
    });
    expectStatus(consent, 201, 'consent');
    const kase = await counsellor.post('/counselling-cases', { residentId: resident.body.id, topic: 'employment', form: 'open_drop_in', openedAt: new Date(Date.now() - 1_800_000).toISOString() });
    expectStatus(kase, 201, 'open case');
    const referral = await counsellor.post(`/counselling-cases/${kase.body.id}/referrals`, { organisationId: plan.organisations.jobcenter, reason: 'Ønsker praktik i detailhandlen' });
    expectStatus(referral, 201, 'refer');
    return { residentId: resident.body.id, referralId: referral.body.id };
  }

  const jonas = () => web.user('caseworker', { name: 'Jonas Jobcenter', organisationId: web.plan().organisations.jobcenter });

  async function openReferralOf(page: Page, name: string): Promise<void> {
    await page.getByRole('link', { name: `Åbn henvisningen for ${name}` }).click();
    await page.getByRole('heading', { name: `Henvisning: ${name}`, level: 1 }).waitFor();
  }

  it('a caseworker accepts a referral, completes it with a note and reads the note back after a reload', async () => {
    await referredToTheJobCentre('Helle');
    const page = await browser.page();
    await signInThroughUi(page, await jonas(), web.url);

    // The caseworker lands on the inbox, at the new referrals.
    await page.waitForURL(`${web.url}/henvisninger`);
    await page.getByRole('heading', { name: 'Henvisninger', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Åbn henvisningen for Helle Jensen' }).waitFor();
    expect(await page.getByRole('link', { name: 'Nye' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page);

    await openReferralOf(page, 'Helle Jensen');
    // The consent shares no notes: the counsellor's reason is withheld, and the page says so.
    await page.getByText('Deles ikke med jer: beboerens samtykke omfatter ikke noter.').waitFor();
    expect(await page.getByText('Ønsker praktik i detailhandlen').count()).toBe(0);
    await expectAccessible(page);

    await page.getByLabel('Notat (valgfrit)').fill('Samtale aftalt 12. marts');
    await page.getByRole('button', { name: 'Modtag henvisningen' }).click();
    await page.getByText('Henvisningen er modtaget.').waitFor();
    await page.getByText('Samtale aftalt 12. marts').waitFor();

    await page.getByLabel('Notat om forløbet').fill('Helle er startet i praktik hos Bilka');
    await page.getByRole('button', { name: 'Afslut henvisningen' }).click();
    await page.getByText('Henvisningen er afsluttet.').waitFor();
    await page.getByText('Henvisningen er afsluttet og kan ikke ændres mere.').waitFor();
    await expectAccessible(page);

    // Read back from the service, not from the screen's memory: the page again after a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Henvisning: Helle Jensen', level: 1 }).waitFor();
    await page.getByText('Helle er startet i praktik hos Bilka').waitFor();
    await page.getByText('Samtale aftalt 12. marts').waitFor();
    expect(await page.getByText(/^Afsluttet .* af Jonas Jobcenter$/).count()).toBe(1);

    await page.getByRole('link', { name: 'Tilbage til henvisningerne' }).click();
    expect(await page.getByRole('link', { name: 'Afsluttede' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: 'Åbn henvisningen for Helle Jensen' }).waitFor();
    await expectAccessible(page);
    await expectNoTokenInStorage(page);
  }, BROWSER_TEST_TIMEOUT);

  it('a rejection asks for a reason before it is sent', async () => {
    await referredToTheJobCentre('Hanne');
    const page = await browser.page();
    await signInThroughUi(page, await jonas(), web.url);
    await openReferralOf(page, 'Hanne Jensen');
    await page.getByRole('button', { name: 'Afvis henvisningen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Skriv en begrundelse for afvisningen.' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Begrundelse for afvisningen').fill('Hanne er allerede i et forløb hos os');
    await page.getByRole('button', { name: 'Afvis henvisningen' }).click();
    await page.getByText('Henvisningen er afvist.').waitFor();
    await page.getByText('Hanne er allerede i et forløb hos os').waitFor();
  }, BROWSER_TEST_TIMEOUT);

  it('a caseworker reads a shared resident: under which consent, until when, and her counselling cases', async () => {
    await referredToTheJobCentre('Henriette');
    const page = await browser.page();
    await signInThroughUi(page, await jonas(), web.url);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Delte beboere' }).click();
    await page.getByRole('heading', { name: 'Delte beboere', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Henriette Jensen' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Deling af rådgivningsforløb');
    expect(await row.innerText()).toContain('31. dec. 2027');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Henriette Jensen' }).click();
    await page.getByRole('heading', { name: 'Henriette Jensen', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Deling af rådgivningsforløb' }).waitFor();
    await page.getByText('+4520304050').waitFor();
    await page.getByRole('table', { name: 'Beboerens rådgivningssager' }).getByText('Åben').waitFor();
    // Read-only: nothing on the page changes her record.
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
    await expectAccessible(page);
    await expectNoTokenInStorage(page);
  }, BROWSER_TEST_TIMEOUT);
});
