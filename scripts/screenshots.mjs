#!/usr/bin/env node
/**
 * The README's screenshots of the leader's, the social worker's and a resident's rights screens,
 * taken from the demo plan as its people see it (not a test: the browser tests check these screens).
 *
 *   npm run build && node scripts/screenshots.mjs            # writes docs/screenshots/*.png
 *
 * It serves dist/ on a throwaway migrated database with the demo plan (as the benchmarks do,
 * bench/lib/start-api.mjs: production settings, sign-in by password only), signs in through the
 * sign-in screen and finds each screen by its Danish heading. The drop-in benchmark takes the
 * counsellor's and the caseworker's screenshots; the report screenshots came by hand.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SERVER_URL, appLoginUrl, deleteRedisKeys, dropDatabase, log, migratedDatabase } from '../bench/lib/bench-data.mjs';
import { launchChromium } from '../bench/lib/browser.mjs';
import { startApi } from '../bench/lib/start-api.mjs';

const DB = `hp_screenshots_${randomBytes(3).toString('hex')}`;
const OUT = path.join(ROOT, 'docs', 'screenshots');
const PASSWORD = 'demo-password-2025';

async function signedIn(browser, url, email, landing) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  await page.goto(`${url}/log-ind`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('heading', { name: landing, level: 1 }).waitFor();
  return { page, close: () => context.close() };
}

const menu = (page, name) => page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name }).click();

async function shoot(page, file) {
  // The app keeps a connection open (the outbox, the session), so "network idle" never comes: the
  // heading is there, and the sections below it get a moment to load.
  await page.waitForLoadState('load');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(OUT, file), fullPage: true });
  log(`  ${path.relative(ROOT, path.join(OUT, file))}`);
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('no built app in dist/web: run `npm run build` first');
  fs.mkdirSync(OUT, { recursive: true });
  await migratedDatabase(DB);
  const prefix = `hp-screenshots-${randomBytes(4).toString('hex')}`;
  const api = await startApi({ dbUrl: `${SERVER_URL}/${DB}`, appDbUrl: appLoginUrl(`${SERVER_URL}/${DB}`), prefix, env: { DEMO_DATA: 'true', DEMO_DATA_FORCE: 'true' } });
  const browser = await launchChromium();
  try {
    log('Screenshots:');
    const leader = await signedIn(browser, api.url, 'leder@ishoj.demo', /Opstart|Helhedsplan/);
    await shoot(leader.page, 'opstart.png');
    // By the menu, not by address: production's session cookie is Secure, so a reload over this
    // http address would sign the user out.
    await menu(leader.page, 'Personale');
    await leader.page.getByRole('heading', { name: 'Personale', level: 1 }).waitFor();
    await shoot(leader.page, 'personale.png');
    await leader.close();

    const socialWorker = await signedIn(browser, api.url, 'medarbejder@ishoj.demo', /Forløb|forløb/);
    await shoot(socialWorker.page, 'forloeb.png');
    await socialWorker.page.locator('main a[href^="/forloeb/"]').first().click();
    await socialWorker.page.getByRole('heading', { level: 2 }).first().waitFor();
    await shoot(socialWorker.page, 'ungt-forloeb.png');
    await socialWorker.close();

    const counsellor = await signedIn(browser, api.url, 'raadgiver@ishoj.demo', 'I dag');
    await menu(counsellor.page, 'Beboere');
    await counsellor.page.getByRole('heading', { name: 'Beboere', level: 1 }).waitFor();
    await counsellor.page.getByLabel('Søg på navn, telefon eller pseudonym').fill('Helle');
    await counsellor.page.getByRole('button', { name: 'Søg', exact: true }).click();
    await counsellor.page.getByRole('link', { name: /Helle Jensen/ }).first().click();
    await counsellor.page.getByRole('button', { name: 'Vis adgangsloggen' }).click();
    await counsellor.page.getByRole('table').last().waitFor();
    await shoot(counsellor.page, 'rettigheder.png');
    await counsellor.close();
  } finally {
    await browser.close();
    await api.stop();
    await deleteRedisKeys(prefix);
    await dropDatabase(DB);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
