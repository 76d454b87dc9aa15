import { createHash, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { apiSession, BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { asOwner, expectStatus, STAFF_PASSWORD } from '../support/fixtures';
import { API } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/** The leader's staff, audit events and activities in a real Chromium (issue 22). */
describe("the leader's staff, audit events and activities in the web app", () => {
  const browser = openBrowser();
  const web = startWebApp();

  /** The invitee follows the e-mailed link and sets a password (the link's token is set behind the mail's back, as the fixtures do). */
  async function acceptInvitation(email: string): Promise<{ status?: string }> {
    const token = randomBytes(32).toString('base64url');
    await asOwner(`UPDATE invitations SET token_hash = $2 WHERE email = $1 AND accepted_at IS NULL`, [email, createHash('sha256').update(token).digest('hex')]);
    const accepted = await web.t().http().post(`${API}/auth/invitations/accept`).send({ token, password: STAFF_PASSWORD });
    expectStatus(accepted, 200, 'accept the invitation');
    return accepted.body;
  }

  async function openMenu(page: Page, entry: string, heading: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: entry }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }

  it('a leader invites a counsellor, who waits for approval until a second leader approves', async () => {
    const lone = await web.user('leader', { name: 'Lone Leder' });
    const page = await browser.page();
    await signInThroughUi(page, lone, web.url);
    await openMenu(page, 'Personale', 'Personale');
    await page.getByRole('link', { name: 'Åbn Lone Leder' }).waitFor();
    await expectAccessible(page);

    const email = `nina-${randomBytes(3).toString('hex')}@test.dk`;
    await page.getByLabel('Navn', { exact: true }).fill('Nina Ny');
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Rådgiver' });
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitationen er sendt til ${email}.`).waitFor();
    const invitations = page.getByRole('table', { name: 'Invitationer, nyeste først' });
    await invitations.getByRole('rowheader', { name: 'Nina Ny' }).waitFor();
    await invitations.getByRole('button', { name: 'Send igen til Nina Ny' }).waitFor();
    await expectAccessible(page);

    // Nina sets her password: a counsellor asked for by a leader is not active until someone else approves.
    expect(await acceptInvitation(email)).toEqual({ status: 'approval_pending' });
    await page.reload();
    const nina = page.getByRole('row', { name: /Nina Ny/ }).filter({ hasText: email });
    await nina.getByText('Venter på godkendelse').waitFor();
    // It waits for someone else: Lone is not told it waits for her.
    expect(await page.getByRole('link', { name: 'Nina Ny som rådgiver' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Åbn Nina Ny' }).click();
    await page.getByRole('heading', { name: 'Nina Ny', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Venter på godkendelse' }).waitFor();
    // Lone asked for it, so she may withdraw it but not approve it.
    await page.getByText('Du bad om det, så en anden leder eller administratoren skal godkende det.').waitFor();
    expect(await page.getByRole('button', { name: 'Godkend' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Træk anmodningen tilbage' }).waitFor();
    await expectAccessible(page);

    const mads = await web.user('leader', { name: 'Mads Medleder' });
    const second = await browser.page();
    await signInThroughUi(second, mads, web.url);
    await openMenu(second, 'Personale', 'Personale');
    // What waits for Mads is said above the list.
    await second.getByRole('link', { name: 'Nina Ny som rådgiver' }).click();
    await second.getByRole('heading', { name: 'Nina Ny', level: 1 }).waitFor();
    await second.getByText('Kontoen som rådgiver kan først bruges, når en anden end den, der bad om den, har godkendt den.', { exact: false }).waitFor();
    await expectAccessible(second);
    await second.getByRole('button', { name: 'Godkend' }).click();
    await second.getByText('Godkendt. Ændringen gælder nu.').waitFor();
    expect(await second.getByRole('heading', { name: 'Venter på godkendelse' }).count()).toBe(0);
    await second.getByRole('definition').filter({ hasText: /^Aktiv$/ }).waitFor();

    // Nina can sign in now.
    const login = await web.t().http().post(`${API}/auth/login`).send({ email, password: STAFF_PASSWORD });
    expect(login.body.status).toBe('mfa_enrolment_required');
    await expectNoTokenInStorage(second);
  }, BROWSER_TEST_TIMEOUT * 2);

  it("a leader changes a counsellor's role, which waits for approval, and resets her second factor, password and all", async () => {
    const sara = await web.user('counsellor', { name: 'Sara Skift' });
    const page = await browser.page();
    await signInThroughUi(page, await web.user('leader', { name: 'Leo Leder' }), web.url);
    await page.goto(`${web.url}/personale/${sara.id}`);
    await page.getByRole('heading', { name: 'Sara Skift', level: 1 }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Ny rolle').selectOption({ label: 'Socialrådgiver (fritidsjob)' });
    await page.getByRole('button', { name: 'Skift rolle' }).click();
    await page.getByText('Rollen som socialrådgiver (fritidsjob) venter nu på en anden leders godkendelse.').waitFor();
    await page.getByText('Rollen skal skifte fra rådgiver til socialrådgiver (fritidsjob).', { exact: false }).waitFor();
    // Until approved, she works as a counsellor.
    const [before] = await asOwner<{ role: string }>(`SELECT role FROM users WHERE id = $1`, [sara.id]);
    expect(before.role).toBe('counsellor');

    await page.getByRole('button', { name: 'Nulstil totrinsbekræftelse og adgangskode' }).click();
    await page.getByText('Vil du nulstille Sara Skifts totrinsbekræftelse og adgangskode?').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ja, nulstil' }).click();
    await page.getByText(`Nulstillet. Der er sendt et link til ${sara.email}.`).waitFor();
    // The password went too: the old one no longer signs her in.
    const login = await web.t().http().post(`${API}/auth/login`).send({ email: sara.email, password: sara.password });
    expect(login.status).toBe(401);

    await page.getByRole('button', { name: 'Deaktivér' }).click();
    await page.getByText('Medarbejderen er deaktiveret og logget ud.').waitFor();
    await page.getByRole('button', { name: 'Genaktivér' }).waitFor();
    const [after] = await asOwner<{ active: boolean }>(`SELECT active FROM users WHERE id = $1`, [sara.id]);
    expect(after.active).toBe(false);
  }, BROWSER_TEST_TIMEOUT);

  it('a leader creates an activity with a weekly slot and sees its sessions counted by month', async () => {
    const leader = await web.user('leader', { name: 'Lise Leder' });
    const page = await browser.page();
    await signInThroughUi(page, leader, web.url);
    await openMenu(page, 'Aktiviteter', 'Aktiviteter');
    await page.getByRole('heading', { name: 'Ny aktivitet' }).waitFor();
    await expectAccessible(page);

    // A kind of the plan's own, next to the built-in ones.
    await page.getByLabel('Navn på typen').fill('Lektiecafé');
    await page.getByLabel('Kort nøgle').fill('homework_cafe');
    await page.getByRole('button', { name: 'Tilføj type' }).click();
    await page.getByText('Typen Lektiecafé er tilføjet.').waitFor();
    await page.getByRole('table', { name: 'Aktivitetstyper i helhedsplanen' }).getByRole('row', { name: /homework_cafe/ }).getByText('Helhedsplanens egen').waitFor();

    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Opret aktivitet' }) });
    await form.getByLabel('Navn', { exact: true }).fill('Lektiecafé i Nørager');
    await form.getByLabel('Type', { exact: true }).selectOption({ label: 'Lektiecafé' });
    await form.getByRole('button', { name: 'Tilføj en fast tid' }).click();
    await form.getByLabel('Ugedag, tid 1').selectOption({ label: 'tirsdag' });
    await form.getByLabel('Fra kl., tid 1').fill('15:00');
    await form.getByLabel('Til kl., tid 1').fill('17:30');
    await form.getByLabel('Pladser (valgfri)').fill('12');
    await form.getByRole('button', { name: 'Opret aktivitet' }).click();
    await page.getByText('Aktiviteten Lektiecafé i Nørager er oprettet.').waitFor();
    const row = page.getByRole('row', { name: /Lektiecafé i Nørager/ });
    await row.getByText('tirsdag 15.00-17.30').waitFor();
    await row.getByRole('cell', { name: 'Lektiecafé', exact: true }).waitFor();

    // The counsellors record the sessions; the leader reads the head counts.
    const [{ id: activityId }] = await asOwner<{ id: string }>(`SELECT id FROM activities WHERE name = 'Lektiecafé i Nørager'`);
    const counsellor = await apiSession(web, await web.user('counsellor'));
    for (const [startsAt, headcount] of [
      ['2026-10-06T15:00:00+02:00', { total: 6, women: 4, men: 2 }],
      ['2026-11-03T15:00:00+01:00', { total: 9, women: 5, men: 4 }],
      ['2026-11-10T15:00:00+01:00', { total: 5 }],
    ] as const) {
      expectStatus(await counsellor.post(`/activities/${activityId}/sessions`, { startsAt, headcount }), 201, `session ${startsAt}`);
    }

    await page.getByRole('link', { name: 'Åbn Lektiecafé i Nørager' }).click();
    await page.getByRole('heading', { name: 'Lektiecafé i Nørager', level: 1 }).waitFor();
    const months = page.getByRole('table', { name: 'Fremmøde pr. måned' });
    const november = months.getByRole('row', { name: /november 2026/ });
    expect((await november.getByRole('cell').allTextContents()).slice(0, 4)).toEqual(['2', '14', '5', '4']);
    const october = months.getByRole('row', { name: /oktober 2026/ });
    expect((await october.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['1', '6']);
    await page.getByRole('table', { name: 'De seneste gange' }).getByRole('row').nth(3).waitFor();
    await expectAccessible(page);

    // The edit form keeps the slot, and a change is saved with the version read.
    await page.getByLabel('Pladser (valgfri)').fill('15');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByText('Ændringerne er gemt.').waitFor();
    const [saved] = await asOwner<{ capacity: number }>(`SELECT capacity FROM activities WHERE id = $1`, [activityId]);
    expect(saved.capacity).toBe(15);
  }, BROWSER_TEST_TIMEOUT * 2);

  it("a leader filters the plan's events by who and by kind", async () => {
    // Someone else's sign-in, to be filtered away.
    const otto = await web.user('counsellor', { name: 'Otto Anden' });
    const leader = await web.user('leader', { name: 'Karen Kontrol' });
    const page = await browser.page();
    await signInThroughUi(page, leader, web.url);
    // An account event of Karen's to tell apart from her sign-in.
    const api = await apiSession(web, leader);
    expectStatus(await api.post(`/plans/${web.plan().planId}/users`, { email: `ole-${randomBytes(3).toString('hex')}@test.dk`, name: 'Ole Ny', role: 'counsellor' }), 201, 'invite');

    await openMenu(page, 'Hændelser', 'Hændelser');
    await page.getByRole('table', { name: 'Hændelser, nyeste først' }).waitFor();
    await expectAccessible(page);

    const events = page.getByRole('table', { name: 'Hændelser, nyeste først' });
    const count = (name: string) => events.getByRole('cell', { name, exact: true }).count();
    expect(await count('Otto Anden')).toBeGreaterThan(0);
    await page.getByLabel('Hvem', { exact: true }).selectOption({ label: 'Karen Kontrol' });
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Log ind og log ud' });
    await page.getByRole('button', { name: 'Vis hændelser' }).click();
    await page.waitForURL(/kind=sign_in/);
    // The table shows the old answer until the new one comes: wait for what the filter must show.
    await waitFor(
      'only her sign-ins',
      async () => ((await count('Loggede ind')) > 0 && (await count('Karen Kontrol')) > 0 && (await count('Otto Anden')) === 0 && (await count('Inviterede en medarbejder')) === 0) || undefined,
    );

    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Ændringer af konti' });
    await page.getByRole('button', { name: 'Vis hændelser' }).click();
    await page.waitForURL(/kind=account/);
    await waitFor('only her account events', async () => ((await count('Inviterede en medarbejder')) > 0 && (await count('Loggede ind')) === 0) || undefined);

    // Failed attempts, by anyone.
    expect((await web.t().http().post(`${API}/auth/login`).send({ email: otto.email, password: 'ikke den rigtige adgangskode' })).status).toBe(401);
    await page.getByLabel('Hvem', { exact: true }).selectOption({ label: 'Alle' });
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Log ind og log ud' });
    await page.getByLabel('Udfald').selectOption({ label: 'Mislykkedes' });
    await page.getByRole('button', { name: 'Vis hændelser' }).click();
    await page.waitForURL(/outcome=failed/);
    const failed = 'Forsøgte at logge ind (forkert e-mail eller adgangskode)';
    await waitFor('only failed sign-ins', async () => ((await count(failed)) > 0 && (await count('Loggede ind')) === 0) || undefined);
    // Nobody was signed in: the row says so rather than blaming the system.
    await events.getByRole('row', { name: /Forsøgte at logge ind/ }).first().getByRole('cell', { name: 'Ukendt (ikke logget ind)' }).waitFor();

    // A period before anything happened shows nothing, and says so.
    await page.getByLabel('Fra og med dato').fill('2020-01-01');
    await page.getByLabel('Til og med dato').fill('2020-01-31');
    await page.getByRole('button', { name: 'Vis hændelser' }).click();
    await page.getByText('Ingen hændelser passer til filtrene.').waitFor();
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);

  it('shows a long list of events fifty at a time, the older ones after "Vis flere"', async () => {
    const leader = await web.user('leader', { name: 'Lars Langliste' });
    const api = await apiSession(web, leader);
    // 55 invitations are 55 account events of Lars's: more than one page of 50.
    for (let i = 0; i < 55; i++) {
      expectStatus(await api.post(`/plans/${web.plan().planId}/users`, { email: `mange-${i}-${randomBytes(3).toString('hex')}@test.dk`, name: `Mange ${i}`, role: 'counsellor' }), 201, 'invite');
    }
    const page = await browser.page();
    await signInThroughUi(page, leader, web.url);
    await openMenu(page, 'Hændelser', 'Hændelser');
    await page.getByLabel('Hvem', { exact: true }).selectOption({ label: 'Lars Langliste' });
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Ændringer af konti' });
    await page.getByRole('button', { name: 'Vis hændelser' }).click();
    await page.waitForURL(/kind=account/);
    await page.getByText('Viser 50 hændelser.').waitFor();

    const invited = page.getByRole('table', { name: 'Hændelser, nyeste først' }).getByRole('cell', { name: 'Inviterede en medarbejder', exact: true });
    expect(await invited.count()).toBeLessThan(55);
    await page.getByRole('button', { name: 'Vis flere' }).click();
    // Besides the invitations, Lars's own account has its events (created, approved).
    await page.getByText(/^Viser (5[1-9]|[6-9]\d) hændelser\.$/).waitFor();
    expect(await invited.count()).toBe(55);
    // Everything is shown: no button asks for more.
    expect(await page.getByRole('button', { name: 'Vis flere' }).count()).toBe(0);
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);
});
