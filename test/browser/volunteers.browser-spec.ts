import { createHash, randomBytes } from 'node:crypto';
import { apiSession, BROWSER_TEST_TIMEOUT, expectAccessible, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { asOwner, expectStatus, STAFF_PASSWORD } from '../support/fixtures';
import { API } from '../support/test-app';

/** The volunteers' screens in a real Chromium (issue 23): the volunteer's log on a phone, and the counts for the leader. */
describe("the volunteers' screens in the web app", () => {
  const browser = openBrowser();
  const web = startWebApp();

  const volunteer = (name: string) => web.user('volunteer', { name, organisationId: web.plan().organisations.partner });

  it('a volunteer logs help on a phone and sees it among today\'s help', async () => {
    const fatma = await volunteer('Fatma Frivillig');
    const page = await browser.page();
    await page.setViewportSize({ width: 375, height: 667 });
    await signInThroughUi(page, fatma, web.url);

    // The volunteer lands on their one screen; no resident, name or note can be written on it.
    await page.waitForURL(`${web.url}/frivillig`);
    await page.getByRole('heading', { name: 'Registrér din hjælp', level: 1 }).waitFor();
    await page.getByText('Du har ikke registreret noget i dag.').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(1); // minutes only
    await expectAccessible(page);

    // "Gem" without a topic says what is missing.
    await page.getByRole('button', { name: 'Gem' }).click();
    expect(await page.getByText('Vælg, hvad du hjalp med.').count()).toBeGreaterThan(0);

    // Big touch targets on a phone.
    const save = await page.getByRole('button', { name: 'Gem' }).boundingBox();
    expect(save!.height).toBeGreaterThanOrEqual(44);

    await page.getByLabel('MitID').check();
    await page.getByLabel('Minutter (valgfrit)').fill('20');
    await page.getByLabel('Jeg fulgte med til en aftale').check();
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Gemt: MitID.').waitFor();
    const today = page.getByRole('region', { name: 'Din hjælp i dag' });
    await today.getByText(/MitID · 20 min\. · fulgte med/).waitFor();
    await expectAccessible(page);

    // Read back from the service after a reload, and removed again (a slip of the thumb).
    await page.reload();
    await today.getByText(/MitID · 20 min\. · fulgte med/).waitFor();
    await today.getByRole('button', { name: /^Slet MitID kl\./ }).click();
    await page.getByText('Registreringen er slettet.').waitFor();
    await page.getByText('Du har ikke registreret noget i dag.').waitFor();
  }, BROWSER_TEST_TIMEOUT);

  it('the leader sees the volunteers\' help as counts by topic and names the coordinator', async () => {
    const frida = await apiSession(web, await volunteer('Frida Frivillig'));
    expectStatus(await frida.post('/volunteer-help', { topic: 'aula', minutes: 15 }), 201, 'help 1');
    expectStatus(await frida.post('/volunteer-help', { topic: 'aula', minutes: 25, escort: true }), 201, 'help 2');
    const rasmus = await web.user('counsellor', { name: 'Rasmus Rådgiver' });

    const lone = await web.user('leader', { name: 'Lone Leder' });
    const page = await browser.page();
    await signInThroughUi(page, lone, web.url);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Frivillige' }).click();
    await page.getByRole('heading', { name: 'Frivilliges hjælp', level: 1 }).waitFor();
    const byTopic = page.getByRole('table', { name: 'Hjælp fordelt på emne' });
    await byTopic.getByRole('row', { name: 'Aula 2' }).waitFor();
    const figures = page.getByRole('table', { name: 'Nøgletal for perioden' });
    await figures.getByRole('row', { name: /Aktive frivillige/ }).waitFor();
    await expectAccessible(page);

    // Last half-year has none of this help.
    await page.getByLabel('Periode', { exact: true }).selectOption({ label: 'Sidste halvår' });
    await page.getByText('Ingen hjælp registreret i perioden.').waitFor();

    await page.getByLabel('Koordinator', { exact: true }).selectOption({ label: 'Rasmus Rådgiver' });
    await page.getByRole('button', { name: 'Gem koordinator' }).click();
    await page.getByText('Rasmus Rådgiver er nu de frivilliges koordinator.').waitFor();
    await expectAccessible(page);

    // The coordinator now sees the counts too.
    const asRasmus = await apiSession(web, rasmus);
    expect((await asRasmus.get('/volunteer-help/summary')).status).toBe(200);
  }, BROWSER_TEST_TIMEOUT);

  it('the leader invites a volunteer with their partner organisation, and the volunteer can sign in at once', async () => {
    const lone = await web.user('leader', { name: 'Lone Leder' });
    const page = await browser.page();
    await signInThroughUi(page, lone, web.url);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Personale' }).click();
    await page.getByRole('heading', { name: 'Personale', level: 1 }).waitFor();

    const email = `frivillig-${randomBytes(3).toString('hex')}@test.dk`;
    await page.getByLabel('Navn', { exact: true }).fill('Fie Frivillig');
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Frivillig fra en samarbejdspartner' });
    // A volunteer comes from an organisation: the form asks for it.
    await page.getByRole('button', { name: 'Send invitation' }).click();
    expect(await page.getByText('Vælg den organisation, personen kommer fra.').count()).toBeGreaterThan(0);
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Dansk Flygtningehjælp' });
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitationen er sendt til ${email}.`).waitFor();
    await expectAccessible(page);

    // She sets her password through the e-mailed link: no second person has to approve a volunteer.
    const token = randomBytes(32).toString('base64url');
    await asOwner(`UPDATE invitations SET token_hash = $2 WHERE email = $1 AND accepted_at IS NULL`, [email, createHash('sha256').update(token).digest('hex')]);
    const accepted = await web.t().http().post(`${API}/auth/invitations/accept`).send({ token, password: STAFF_PASSWORD });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).not.toBe('approval_pending');
  }, BROWSER_TEST_TIMEOUT);
});
