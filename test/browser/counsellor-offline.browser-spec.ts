import type { Page, Route } from 'playwright-core';
import { danishMoment } from '../../src/activities/weekly-slots';
import { BROWSER_TEST_TIMEOUT, expectAccessible, expectNoTokenInStorage, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { asOwner, expectStatus, openCase, registerResident } from '../support/fixtures';
import { apiCounsellor } from './counsellor-world';

/**
 * The door's wifi drops (issue 21): what the counsellor records with the network cut waits with its
 * Idempotency-Key and is sent once when the connection returns; visits survive a reload.
 */
describe('the door when the wifi drops', () => {
  const browser = openBrowser();
  const web = startWebApp();

  const waiting = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
  const nothingWaiting = (page: Page) => page.getByText(/venter på at blive sendt/).waitFor({ state: 'hidden' });

  /** The first request through `pattern` reaches the service, but its answer is lost on the way back. */
  async function loseFirstAnswer(page: Page, pattern: string): Promise<{ attempts: () => number }> {
    let attempts = 0;
    await page.route(pattern, async (route: Route) => {
      attempts += 1;
      if (attempts === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    return { attempts: () => attempts };
  }

  it('counts two visitors tapped in offline, keeps them through a reload, and sends each once when the connection returns', async () => {
    const today = danishMoment(new Date());
    const door = await (await apiCounsellor(web)).post('/activities', {
      kind: 'open_counselling', name: 'Åben Rådgivning i kælderen', housingAreaId: web.plan().areas.eligible, weeklySlots: [{ weekday: today.weekday, start: '00:00', end: '23:59' }],
    });
    expectStatus(door, 201, 'activity');
    const page = await browser.page();
    await signInThroughUi(page, await web.counsellor(), web.url);
    await page.goto(`${web.url}/i-dag`);
    const slot = page.getByRole('region', { name: 'Åben Rådgivning i kælderen' });
    await slot.getByText('0 besøgende').waitFor();

    await page.context().setOffline(true);
    await page.getByText('Ingen forbindelse. Det du registrerer, gemmes og sendes, når forbindelsen er tilbage.').waitFor();
    await slot.getByLabel('Kvinde').check();
    await slot.getByLabel('Voksen').check();
    await slot.getByRole('button', { name: 'Registrer besøg' }).click();
    await slot.getByRole('button', { name: 'Registrer besøg' }).click();
    // The head count shows at once, whether or not the visits have gone.
    await slot.getByText('2 besøgende').waitFor();
    await waiting(page, '2 venter på at blive sendt');
    await expectAccessible(page);

    // Back on the network, but the visits cannot get through yet: the page is reloaded meanwhile.
    await page.route('**/api/v1/activities/*/visits', (route) => route.abort('connectionrefused'));
    await page.context().setOffline(false);
    await page.reload();
    await waiting(page, '2 venter på at blive sendt');
    const stored = await page.evaluate(() => JSON.stringify(localStorage));
    expect(stored).toContain(door.body.id);
    await expectNoTokenInStorage(page);

    await page.unroute('**/api/v1/activities/*/visits');
    const lossy = await loseFirstAnswer(page, '**/api/v1/activities/*/visits');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await nothingWaiting(page);
    expect(lossy.attempts()).toBe(3);
    const [session] = await asOwner<{ headcount_total: number; headcount_women: number; headcount_adults: number }>(
      `SELECT headcount_total, headcount_women, headcount_adults FROM activity_sessions WHERE activity_id = $1`,
      [door.body.id],
    );
    expect(session).toEqual({ headcount_total: 2, headcount_women: 1, headcount_adults: 1 });
    await slot.getByText('2 besøgende').waitFor();
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(door.body.id);
  }, BROWSER_TEST_TIMEOUT);

  it('keeps a conversation entered offline in memory only, warns before leaving, and sends it once when the connection returns', async () => {
    const colleague = await apiCounsellor(web);
    const yusuf = await registerResident(colleague, { housingAreaId: web.plan().areas.eligible, firstName: 'Yusuf', lastName: 'Demir' });
    const c = await openCase(colleague, { residentId: yusuf.id, topic: 'benefits', form: 'open_drop_in', openedAt: new Date(Date.now() - 3_600_000).toISOString() });
    const page = await browser.page();
    await signInThroughUi(page, await web.counsellor(), web.url);
    await page.goto(`${web.url}/sager/${c.id}`);
    await page.getByRole('heading', { name: 'Sag: Ydelser', level: 1 }).waitFor();

    await page.context().setOffline(true);
    await page.getByLabel('Notat (valgfrit)').fill('Boligstøtte: mangler lønsedler');
    await page.getByRole('button', { name: 'Gem samtale' }).click();
    await page.getByText('Ingen forbindelse: samtalen sendes, når forbindelsen er tilbage. Luk ikke siden før.').waitFor();
    await waiting(page, '1 venter på at blive sendt');
    // The note is about a resident: it is in no storage a script could read later.
    expect(await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage))).not.toContain('lønsedler');
    // Closing the page would lose it: the browser is asked to warn.
    expect(await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    })).toBe(true);
    // So would signing out: the app asks first.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('alertdialog').getByText('Der er registreringer, som endnu ikke er sendt.', { exact: false }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Bliv logget ind' }).click();

    const lossy = await loseFirstAnswer(page, `**/api/v1/counselling-cases/${c.id}/contacts`);
    await page.context().setOffline(false);
    await nothingWaiting(page);
    expect(lossy.attempts()).toBe(2);
    const rows = await asOwner<{ note: string }>(`SELECT note FROM counselling_contacts WHERE case_id = $1`, [c.id]);
    expect(rows).toEqual([{ note: 'Boligstøtte: mangler lønsedler' }]);
    await page.reload();
    await page.getByRole('list').filter({ hasText: 'Sagen blev oprettet' }).getByText('Boligstøtte: mangler lønsedler').waitFor();
    expect(await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    })).toBe(false);
  }, BROWSER_TEST_TIMEOUT);
});
