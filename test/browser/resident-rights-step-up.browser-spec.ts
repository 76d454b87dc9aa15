import { BROWSER_TEST_TIMEOUT, expectAccessible, freshTotpCode, openBrowser, signInThroughUi, startWebApp } from '../support/browser';
import { downloaded, helleOf, openResident } from './resident-rights-world';

/** How recent a sign-in must be here: short, so that the test waits it out instead of 15 minutes. */
const STEP_UP_SECONDS = 4;

/** A resident's copy needs a recent sign-in; an older one is confirmed in the app's dialog and the download goes on. */
describe("a resident's copy after the counsellor's sign-in has grown old", () => {
  const browser = openBrowser();
  const web = startWebApp({ stepUpMaxAgeSeconds: STEP_UP_SECONDS });

  it("asks for the app's code, then downloads Helle's copy", async () => {
    const residentId = await helleOf(web);
    const rasmus = await web.counsellor();
    const page = await browser.page();
    await signInThroughUi(page, rasmus, web.url);
    await openResident(page, web, residentId);
    await new Promise((resolve) => setTimeout(resolve, (STEP_UP_SECONDS + 1) * 1000));

    const download = downloaded(page, 'Hent kopien som JSON');
    const dialog = page.getByRole('dialog', { name: 'Bekræft, at det er dig' });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByLabel('Kode').fill(await freshTotpCode(rasmus));
    await dialog.getByRole('button', { name: 'Bekræft' }).click();
    const copy = JSON.parse((await download).bytes.toString('utf8'));
    expect(copy.resident).toMatchObject({ id: residentId, firstName: 'Helle' });
    await page.getByRole('status').filter({ hasText: `Filen beboerdata-${residentId}.json er hentet.` }).waitFor();
  }, BROWSER_TEST_TIMEOUT);
});
