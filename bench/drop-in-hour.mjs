#!/usr/bin/env node
/**
 * The drop-in hour through the counsellor's screens (not a test): what 14 residents at the door
 * cost a counsellor in the web app, against the same hour through the API alone.
 *
 *   npm run bench:drop-in                     # after `npm run build`
 *   node bench/drop-in-hour.mjs --keep        # keep the database hp_bench_drop_in
 *   node bench/drop-in-hour.mjs --no-screenshots
 *
 * The hour (issue 21's "19 API calls today"): 14 residents come through the door of today's open
 * counselling; each is counted (14 visits). Two are new: each is registered and gets a case opened
 * with the conversation just held (2 + 2). One comes back about her open case: the conversation is
 * logged on it (1). Through the API that is 19 writes, each a JSON body with ids copied from
 * earlier answers.
 *
 * It builds nothing: it serves dist/ (the service and dist/web) on an empty migrated database with
 * the demo plan (bench/lib/start-api.mjs, DEMO_DATA), signs in as the demo counsellor in Chromium
 * (@sparticuz/chromium + playwright-core, desktop size, no throttling) and does the hour as a person
 * would, finding everything by role and Danish name. It counts clicks (taps), choices made in a list,
 * fields typed, the API calls the app made (writes and reads) and the seconds the scripted hour took
 * (the app's and the service's time; a person's reading and typing come on top). Then it does the
 * same hour through the API alone and counts its calls and the values a person would type into
 * JSON bodies (ids to copy among them). Screenshots go to docs/screenshots/.
 *
 * Options: --db=NAME (hp_bench_drop_in), --keep, --no-screenshots. Environment: BENCH_PG_URL,
 * REDIS_URL. Exits 1 if a step does not work.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SERVER_URL, appLoginUrl, deleteRedisKeys, dropDatabase, log, migratedDatabase, parseArgs } from './lib/bench-data.mjs';
import { launchChromium } from './lib/browser.mjs';
import { startApi } from './lib/start-api.mjs';

const args = parseArgs(['db', 'keep', 'no-screenshots']);
const DB = String(args.db ?? 'hp_bench_drop_in');
const DB_URL = `${SERVER_URL}/${DB}`;
const SCREENSHOTS = args['no-screenshots'] ? null : path.join(ROOT, 'docs', 'screenshots');
const VISITORS = 14;
const DEMO = { counsellor: 'raadgiver@ishoj.demo', caseworker: 'jobcenter@ishoj.demo', password: 'demo-password-2025', area: 'Vejleåparken' };
const DOOR = 'Åben Rådgivning (benchmark)';
const NEW_RESIDENTS = [
  { firstName: 'Amina', lastName: 'Hassan', topic: 'debt', topicLabel: 'Gæld', note: 'Rykker fra SKAT' },
  { firstName: 'Omar', lastName: 'Said', topic: 'benefits', topicLabel: 'Ydelser', note: 'Spørgsmål om boligstøtte' },
];
const RETURNING = { firstName: 'Leila', lastName: 'Karimi', topic: 'rent_arrears', topicLabel: 'Huslejerestance', note: 'Kom med brevet fra boligselskabet' };

/** Today's ISO weekday in Danish time (1 = Monday). */
function danishWeekday() {
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date());
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(day) + 1;
}

/** The API as a script (or a person with the API docs) uses it: JSON in and out, counting the calls. */
function apiClient(url) {
  let token = null;
  const calls = { writes: 0, reads: 0, values: 0, ids: 0 };
  /** Leaf values of a body a person would type; uuids among them are ids copied from earlier answers. */
  const countValues = (body) => {
    for (const v of Object.values(body)) {
      if (v && typeof v === 'object') countValues(v);
      else {
        calls.values++;
        if (typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(v)) calls.ids++;
      }
    }
  };
  const send = async (method, pathname, body) => {
    if (method === 'GET') calls.reads++;
    else calls.writes++;
    if (body) countValues(body);
    const res = await fetch(`${url}/api/v1${pathname}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer = res.status === 204 ? null : await res.json();
    if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  return {
    calls,
    async signIn(email, password) {
      const answer = await send('POST', '/auth/login', { email, password });
      if (!answer.accessToken) throw new Error(`sign-in of ${email}: ${JSON.stringify(answer)}`);
      token = answer.accessToken;
      Object.assign(calls, { writes: 0, reads: 0, values: 0, ids: 0 });
    },
    get: (p) => send('GET', p),
    post: (p, body = {}) => send('POST', p, body),
  };
}

// ---------------------------------------------------------------- the hour in the web app
async function hourInTheApp(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  const count = { clicks: 0, choices: 0, typed: 0, writes: 0, reads: 0 };
  let counting = false;
  page.on('request', (r) => {
    if (!counting || !new URL(r.url()).pathname.startsWith('/api/v1/')) return;
    if (r.method() === 'GET') count.reads++;
    else count.writes++;
  });
  const click = (locator) => {
    count.clicks++;
    return locator.click();
  };
  const type = (locator, text) => {
    count.typed++;
    return locator.fill(text);
  };
  const choose = (locator, label) => {
    count.choices++;
    return locator.selectOption({ label });
  };
  const heading = (name) => page.getByRole('heading', { name, level: 1 }).waitFor();
  const nav = (name) => click(page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name }));

  // Signing in is the start of the afternoon, not part of the hour.
  await page.goto(`${url}/log-ind`);
  await page.getByLabel('E-mail').fill(DEMO.counsellor);
  await page.getByLabel('Adgangskode').fill(DEMO.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: 'Log ud' }).waitFor();
  await heading('I dag');
  await page.getByRole('region', { name: DOOR }).waitFor();

  counting = true;
  const t0 = performance.now();
  const door = page.getByRole('region', { name: DOOR });
  for (let n = 1; n <= VISITORS; n++) {
    await click(door.getByRole('button', { name: 'Registrer besøg' }));
    await door.getByText(n === 1 ? '1 besøgende' : `${n} besøgende`).waitFor();
  }
  // The head count shows at once; the outbox sends behind it. The hour's visits are done when it is empty.
  await page.getByText(/venter på at blive sendt/).waitFor({ state: 'hidden' });
  const visitsDone = performance.now();
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'i-dag.png'), fullPage: true });

  for (const r of NEW_RESIDENTS) {
    await nav('Beboere');
    await heading('Beboere');
    await click(page.getByRole('button', { name: 'Opret beboer' }));
    await choose(page.getByLabel('Boligområde'), DEMO.area);
    await type(page.getByLabel('Fornavn'), r.firstName);
    await type(page.getByLabel('Efternavn'), r.lastName);
    await click(page.getByRole('button', { name: 'Opret', exact: true }));
    await heading(`${r.firstName} ${r.lastName}`);
    await choose(page.getByLabel('Emne'), r.topicLabel);
    await type(page.getByLabel('Notat (valgfrit)'), r.note);
    await click(page.getByRole('button', { name: 'Opret sag' }));
    await heading(`Sag: ${r.topicLabel}`);
    await page.getByText(r.note).first().waitFor();
  }
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'sag.png'), fullPage: true });

  await nav('Beboere');
  await heading('Beboere');
  await type(page.getByLabel('Søg på navn, telefon eller pseudonym'), RETURNING.firstName);
  await click(page.getByRole('button', { name: 'Søg', exact: true }));
  await click(page.getByRole('link', { name: `${RETURNING.firstName} ${RETURNING.lastName}` }));
  await heading(`${RETURNING.firstName} ${RETURNING.lastName}`);
  await click(page.getByRole('main').getByRole('link', { name: new RegExp(RETURNING.topicLabel) }).first());
  await heading(`Sag: ${RETURNING.topicLabel}`);
  await type(page.getByLabel('Notat (valgfrit)'), RETURNING.note);
  await click(page.getByRole('button', { name: 'Gem samtale' }));
  await page.getByRole('status').filter({ hasText: 'Samtalen er gemt.' }).waitFor();
  const seconds = (performance.now() - t0) / 1000;
  counting = false;
  await context.close();
  return { ...count, seconds, visitSeconds: (visitsDone - t0) / 1000 };
}

// ---------------------------------------------------------------- the hour through the API alone
async function hourThroughTheApi(url, doorId, areaId, returningCaseId) {
  const api = apiClient(url);
  await api.signIn(DEMO.counsellor, DEMO.password);
  const t0 = performance.now();
  for (let n = 0; n < VISITORS; n++) await api.post(`/activities/${doorId}/visits`, {});
  for (const r of NEW_RESIDENTS) {
    const resident = await api.post('/residents', { housingAreaId: areaId, firstName: r.firstName, lastName: `${r.lastName} api` });
    await api.post('/counselling-cases', { residentId: resident.id, topic: r.topic, form: 'open_drop_in', firstContact: { channel: 'in_person', note: r.note } });
  }
  await api.post(`/counselling-cases/${returningCaseId}/contacts`, { channel: 'in_person', note: RETURNING.note });
  return { ...api.calls, seconds: (performance.now() - t0) / 1000 };
}

/** The scene, through the API as a colleague would have left it: today's open door, and Leila with her open case (referred to the job centre). */
async function setTheScene(url) {
  const api = apiClient(url);
  await api.signIn(DEMO.counsellor, DEMO.password);
  const areas = await api.get('/housing-areas');
  const areaId = areas.items.find((a) => a.name === DEMO.area)?.id;
  if (!areaId) throw new Error(`the demo plan has no housing area ${DEMO.area}`);
  const door = await api.post('/activities', { kind: 'open_counselling', name: DOOR, housingAreaId: areaId, weeklySlots: [{ weekday: danishWeekday(), start: '00:00', end: '23:59' }] });
  const leila = await api.post('/residents', { housingAreaId: areaId, firstName: RETURNING.firstName, lastName: RETURNING.lastName, birthDate: '1984-05-17' });
  const kase = await api.post('/counselling-cases', { residentId: leila.id, topic: RETURNING.topic, form: 'open_drop_in', firstContact: { channel: 'in_person' } });
  // Last week Leila agreed to be referred to the job centre: the inbox of the third screenshot.
  const jobcentre = (await api.get('/organisations')).items.find((o) => o.name.startsWith('Center for Beskæftigelse'));
  await api.post('/consents', { residentId: leila.id, scope: 'share_counselling', recipientOrganisationIds: [jobcentre.id], givenBy: 'resident', form: 'written', givenAt: new Date(Date.now() - 3_600_000).toISOString() });
  await api.post(`/counselling-cases/${kase.id}/referrals`, { organisationId: jobcentre.id, reason: 'Ønsker hjælp til jobsøgning' });
  return { doorId: door.id, areaId, returningCaseId: kase.id };
}

/** The caseworker's inbox, for the screenshots: the demo's job-centre caseworker. */
async function inboxScreenshot(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  await page.goto(`${url}/log-ind`);
  await page.getByLabel('E-mail').fill(DEMO.caseworker);
  await page.getByLabel('Adgangskode').fill(DEMO.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('heading', { name: 'Henvisninger', level: 1 }).waitFor();
  await page.getByRole('table').or(page.getByText('Der er ingen henvisninger her.')).first().waitFor();
  await page.waitForLoadState('load');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'henvisninger.png'), fullPage: true });
  await context.close();
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('no built app in dist/web: run `npm run build` first (this benchmark builds nothing)');
  if (SCREENSHOTS) fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await migratedDatabase(DB);
  const prefix = `hp-bench-drop-in-${randomBytes(4).toString('hex')}`;
  const api = await startApi({ dbUrl: DB_URL, appDbUrl: appLoginUrl(DB_URL), prefix, env: { DEMO_DATA: 'true', DEMO_DATA_FORCE: 'true' } });
  const browser = await launchChromium();
  try {
    const scene = await setTheScene(api.url);
    if (SCREENSHOTS) await inboxScreenshot(browser, api.url);
    const ui = await hourInTheApp(browser, api.url);
    const direct = await hourThroughTheApi(api.url, scene.doorId, scene.areaId, scene.returningCaseId);
    log(`The drop-in hour: ${VISITORS} residents at the door (each counted), 2 of them registered with a case and its first conversation, 1 conversation on an open case`);
    log('');
    log('| | web app | API alone |');
    log('| --- | ---: | ---: |');
    log(`| clicks (taps) | ${ui.clicks} | n/a |`);
    log(`| choices from a list | ${ui.choices} | n/a |`);
    log(`| fields typed | ${ui.typed} | ${direct.values} JSON values, ${direct.ids} of them ids copied from earlier answers |`);
    log(`| API calls: writes | ${ui.writes} | ${direct.writes} |`);
    log(`| API calls: reads | ${ui.reads} | ${direct.reads} (ids known beforehand) |`);
    log(`| seconds (scripted; a person's reading and typing come on top) | ${ui.seconds.toFixed(1)} (the 14 visits: ${ui.visitSeconds.toFixed(1)}) | ${direct.seconds.toFixed(1)} |`);
    if (SCREENSHOTS) log(`\nScreenshots: ${['i-dag.png', 'sag.png', 'henvisninger.png'].map((f) => path.relative(ROOT, path.join(SCREENSHOTS, f))).join(', ')}`);
  } finally {
    await browser.close();
    await api.stop();
    await deleteRedisKeys(prefix);
    if (!args.keep) await dropDatabase(DB);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
