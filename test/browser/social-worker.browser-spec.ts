import type { Page } from 'playwright-core';
import { addMonths, mondayOf } from '../../src/common/calendar';
import { apiSession, BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { Caller, expectStatus } from '../support/fixtures';
import { birthDateForAge, shiftDays, TODAY } from '../support/programme-fixtures';

/** The social worker's screens in a real Chromium (issue 22): the board of leisure-job programmes, the youth's programme, employers. */
describe("the social worker's leisure-job programmes in the web app", () => {
  const browser = openBrowser();
  const web = startWebApp();

  /** Through the API, where it is not the point: a 14-year-old registered, her programme started, and an employer with a cooperation agreement. */
  async function youthInClarification(sw: Caller, firstName: string, employerName: string): Promise<void> {
    const plan = web.plan();
    const youth = await sw.post('/residents', { housingAreaId: plan.areas.eligible, firstName, lastName: 'Hassan', birthDate: birthDateForAge(14), gender: 'female', confirmNotDuplicate: true });
    expectStatus(youth, 201, 'register youth');
    expectStatus(await sw.post('/job-programmes', { residentId: youth.body.id }), 201, 'start programme');
    const employer = await sw.post('/employers', { name: employerName, sector: 'private' });
    expectStatus(employer, 201, 'employer');
    const signed = shiftDays(TODAY, -365);
    expectStatus(await sw.post(`/employers/${employer.body.id}/agreements`, { signedAt: signed, validFrom: signed }), 201, 'agreement');
    expectStatus(await sw.post('/school-holidays', { name: 'Efterårsferie', startsOn: shiftDays(TODAY, -20), endsOn: shiftDays(TODAY, -16) }), 201, 'school holiday');
  }

  const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
  const moveTo = async (page: Page, phase: string) => {
    await page.getByRole('button', { name: `Flyt til ${phase}` }).click();
    await status(page, `Forløbet er flyttet til ${phase}.`);
  };

  it('a youth goes from clarification through matching, employment and evaluation to an ordinary job, and a wrong week is corrected', async () => {
    const user = await web.user('social_worker', { name: 'Sofie Socialrådgiver' });
    await youthInClarification(await apiSession(web, user), 'Amira', 'Netto Vejleåparken');
    const page = await browser.page();
    await signInThroughUi(page, user, web.url);

    // The board: Amira's card in clarification says what matching still needs, each one click from its form.
    await page.waitForURL(`${web.url}/forloeb`);
    await page.getByRole('heading', { name: 'Fritidsjobforløb', level: 1 }).waitFor();
    const clarification = page.getByRole('region', { name: /Afklaring og forventningsafstemning/ });
    await clarification.getByText('Samtykke fra en forælder til forløbet').waitFor();
    await clarification.getByText('En afklaringssamtale').waitFor();
    await expectAccessible(page);

    await clarification.getByRole('link', { name: 'Registrér samtykket' }).click();
    await page.getByRole('heading', { name: 'Forløb: Amira Hassan', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#samtykke');
    await page.getByText('Der er ikke registreret nogen forældre.').waitFor();
    await page.getByText('Tilføj en forælder').click();
    await page.getByLabel('Forælderens navn').fill('Fatima Hassan');
    await page.getByLabel('Telefon (valgfrit)').fill('+4520304050');
    await page.getByRole('button', { name: 'Tilføj forælderen' }).click();
    await status(page, 'Forælderen er tilføjet.');
    await page.getByRole('table', { name: 'Forældremyndighedsindehavere' }).getByText('Fatima Hassan').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Registrér samtykket' }).click();
    await status(page, 'Samtykket er registreret.');
    await page.getByRole('table', { name: 'Samtykker' }).getByText('Gælder').waitFor();

    // The move waits for the clarification conversation; once it is logged, the page says all is in place.
    expect(await page.getByRole('button', { name: 'Flyt til Match og jobsamtale' }).isDisabled()).toBe(true);
    await page.getByLabel('Notat (valgfrit)').fill('Vil gerne arbejde i butik');
    await page.getByRole('button', { name: 'Registrér samtalen' }).click();
    await status(page, 'Samtalen er registreret.');
    await page.getByText('Alt er på plads. Forløbet kan flyttes til næste fase.').waitFor();
    await moveTo(page, 'Match og jobsamtale');

    // Matching: propose the employer, accept the match, record the signed contract.
    await page.getByLabel('Virksomhed at foreslå').selectOption({ label: 'Netto Vejleåparken' });
    await page.getByRole('button', { name: 'Foreslå match' }).click();
    await status(page, 'Matchet er foreslået.');
    await page.getByLabel('Tidspunkt for jobsamtale hos Netto Vejleåparken').fill(`${shiftDays(TODAY, 2)}T15:30`);
    await page.getByRole('button', { name: 'Aftal jobsamtale hos Netto Vejleåparken' }).click();
    await status(page, 'Matchet er opdateret.');
    await page.getByRole('table', { name: 'Match med virksomheder' }).getByText('Jobsamtale aftalt').waitFor();
    await page.getByRole('table', { name: 'Match med virksomheder' }).getByText(/kl\. 15\.30/).waitFor();
    await page.getByRole('button', { name: 'Acceptér match med Netto Vejleåparken' }).click();
    await status(page, 'Matchet er opdateret.');
    await page.getByRole('table', { name: 'Match med virksomheder' }).getByText('Accepteret').waitFor();
    await expectAccessible(page);

    const start = shiftDays(TODAY, -30);
    await page.getByLabel('Kontrakten underskrevet af den unge').fill(shiftDays(start, -5));
    await page.getByLabel('Kontrakten underskrevet af forælder').fill(shiftDays(start, -5));
    await page.getByLabel('Startdato', { exact: true }).fill(start);
    await page.getByLabel('Slutdato').fill(addMonths(start, 4));
    // Outside the plan's range without a reason: refused, and the page says which rule in Danish.
    await page.getByLabel('Timer om ugen').fill('8');
    await page.getByRole('button', { name: 'Gem ansættelsen' }).click();
    await page.getByRole('alert').getByText('Timerne om ugen ligger uden for planens ramme. Skriv en begrundelse for undtagelsen.').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Timer om ugen').fill('4');
    await page.getByRole('button', { name: 'Gem ansættelsen' }).click();
    await status(page, 'Ansættelsen er gemt.');
    // The young-worker rules in plain Danish, for a 14-year-old in school.
    await page.getByRole('alert').filter({ hasText: 'Regler for unge under 18' }).getByText(/højst 2 timer på skoledage/).waitFor();
    await page.getByText(/\(4 måneder\)/).waitFor();
    await page.getByRole('region', { name: 'Ansættelse' }).getByText(/^Efterårsferie: /).waitFor();
    await moveTo(page, 'Ansættelse');
    await expectAccessible(page);

    // Timesheets: a week recorded with 4 hours, then corrected to 3,5; the 4 hours stay as history.
    const week = mondayOf(shiftDays(TODAY, -14));
    await page.getByLabel('Ugens mandag').fill(week);
    await page.getByLabel('Timer i ugen').fill('4');
    await page.getByRole('button', { name: 'Registrér timer' }).click();
    await status(page, 'Timerne er registreret.');
    await page.getByRole('button', { name: /^Ret timerne for ugen fra/ }).click();
    await page.getByLabel(/^Rigtige timer for ugen fra/).fill('3,5');
    await page.getByRole('button', { name: 'Gem rettelsen' }).click();
    await status(page, 'Timerne er rettet. De tidligere timer er gemt i historikken.');
    const row = page.getByRole('table', { name: 'Registrerede timer pr. uge' }).getByRole('row').nth(1);
    expect(await row.innerText()).toMatch(/3,5[\s\S]*4 timer \(registreret/);
    await expectAccessible(page);

    // Evaluation, then the ordinary job at the same employer.
    await moveTo(page, 'Evalueringssamtaler');
    await page.getByLabel('Slags samtale').selectOption({ label: 'Evalueringssamtale' });
    await page.getByRole('button', { name: 'Registrér samtalen' }).click();
    await status(page, 'Samtalen er registreret.');
    await page.getByLabel('Virksomhed for det ordinære fritidsjob').selectOption({ label: 'Netto Vejleåparken' });
    await moveTo(page, 'Ordinært fritidsjob');
    await page.getByText('Forløbet er afsluttet og kan ikke ændres mere.').waitFor();

    // Read back from the service after a reload: the whole phase history, and the corrected week.
    await page.reload();
    await page.getByRole('heading', { name: 'Forløb: Amira Hassan', level: 1 }).waitFor();
    const history = page.getByRole('table', { name: 'Forløbets faser' });
    expect(await history.getByRole('row').count()).toBe(6);
    await history.getByText('Ordinært fritidsjob').first().waitFor();
    expect(await page.getByRole('table', { name: 'Registrerede timer pr. uge' }).innerText()).toContain('3,5');
    await expectAccessible(page);

    // The employer's page lists the youth matched with it.
    await page.getByRole('table', { name: 'Match med virksomheder' }).getByRole('link', { name: 'Netto Vejleåparken' }).click();
    await page.getByRole('heading', { name: 'Netto Vejleåparken', level: 1 }).waitFor();
    const matched = page.getByRole('table', { name: 'Unge med match hos virksomheden' }).getByRole('row').filter({ hasText: 'Amira Hassan' });
    expect(await matched.innerText()).toMatch(/Ordinært fritidsjob[\s\S]*Accepteret/);
    await expectAccessible(page);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Forløb' }).click();
    await page.getByRole('link', { name: 'Åbn forløbet for Amira Hassan' }).waitFor();
    expect(await page.getByRole('region', { name: /Afklaring og forventningsafstemning/ }).getByText('Amira Hassan').count()).toBe(0);
    await expectNoTokenInStorage(page);
  }, BROWSER_TEST_TIMEOUT * 2);

  it('a social worker registers an employer (CVR checked) and its cooperation agreement', async () => {
    const page = await browser.page();
    await signInThroughUi(page, await web.user('social_worker', { name: 'Sune Socialrådgiver' }), web.url);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Virksomheder' }).click();
    await page.getByRole('heading', { name: 'Virksomheder', level: 1 }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Virksomhedens navn').fill('Bageriet i Vejleåparken');
    await page.getByLabel('CVR-nummer (valgfrit)').fill('1234 5675');
    await page.getByRole('button', { name: 'Opret virksomheden' }).click();
    await page.getByRole('alert').filter({ hasText: 'CVR-nummeret er ikke gyldigt.' }).waitFor();
    await page.getByLabel('CVR-nummer (valgfrit)').fill('1234 5674');
    await page.getByRole('button', { name: 'Opret virksomheden' }).click();
    await status(page, 'Virksomheden er oprettet.');

    await page.getByRole('link', { name: 'Bageriet i Vejleåparken' }).click();
    await page.getByRole('heading', { name: 'Bageriet i Vejleåparken', level: 1 }).waitFor();
    await page.getByText('Virksomheden har ingen samarbejdsaftale.').waitFor();
    await page.getByRole('button', { name: 'Registrér aftalen' }).click();
    await status(page, 'Aftalen er registreret.');
    await page.getByRole('table', { name: 'Samarbejdsaftaler' }).getByText('Ja').waitFor();
    await expectAccessible(page);
  }, BROWSER_TEST_TIMEOUT);
});
