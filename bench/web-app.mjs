#!/usr/bin/env node
/**
 * The web app's first load (not a test): what a counsellor's tablet downloads and how long it waits
 * before the sign-in screen, against the budget of issue 21 (JavaScript ≤ 200 kB gzipped).
 *
 *   npm run bench:web                          # after `npm run build`: 3 cold loads of /log-ind
 *   node bench/web-app.mjs --runs=5 --keep     # more loads; keep the database hp_bench_web
 *   node bench/web-app.mjs --smoke             # one load without throttling: does it still work?
 *
 * It builds nothing: it serves what `npm run build` left in dist/ (the API and dist/web). It starts
 * the service as production starts it (bench/lib/start-api.mjs, on an empty migrated database) and
 * puts a gzip proxy in front of it, as the reverse proxy of a deployment would: the service itself
 * does not compress, and the bytes counted are the real gzip bodies the browser received (zlib level
 * --level, default 6, what nginx and most proxies use; fonts and images pass as they are). Chromium
 * (@sparticuz/chromium, driven by playwright-core) opens /log-ind with an empty cache, each run in a
 * fresh context, under Chrome DevTools' "Slow 4G" profile (CDP Network.emulateNetworkConditions:
 * 562.5 ms latency, 1.6 Mbit/s down and 750 kbit/s up, each × 0.9, as DevTools and Lighthouse set
 * it), and reports:
 * - the bytes of each kind loaded by the first screen (scripts, styles, fonts, the page, API calls),
 *   gzipped and raw; the JavaScript against the budget, and if over it, what dominates;
 * - the time to the first screen: from navigation until the "Log ind" button is visible, the
 *   First Contentful Paint, and the load event, medians of --runs. A figure, not a pass/fail.
 *
 * Options: --runs=N (3), --db=NAME (hp_bench_web), --keep, --level=1..9 (6), --smoke (one run, no
 * throttling, for CI). Environment: BENCH_PG_URL, REDIS_URL (as the other benchmarks). Exits 1 if the
 * sign-in screen does not appear or a file of the app fails to load; the budget is reported, not enforced.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, SERVER_URL, appLoginUrl, deleteRedisKeys, dropDatabase, log, median, migratedDatabase, parseArgs, sleep } from './lib/bench-data.mjs';
import { launchChromium } from './lib/browser.mjs';
import { startApi } from './lib/start-api.mjs';

const args = parseArgs(['runs', 'db', 'keep', 'level', 'smoke']);
const SMOKE = Boolean(args.smoke);
const RUNS = SMOKE ? 1 : Number(args.runs ?? 3);
const DB = String(args.db ?? 'hp_bench_web');
const DB_URL = `${SERVER_URL}/${DB}`;
const LEVEL = Number(args.level ?? 6);
const WEB_DIR = path.join(ROOT, 'dist', 'web');
const FIRST_SCREEN = '/log-ind';
/** The budget of issue 21, in kB of 1,000 bytes as Vite's build report counts them. */
const JS_BUDGET_KB = 200;
/** Chrome DevTools' "Slow 4G" preset (Lighthouse's mobile throttling): bytes per second and milliseconds. */
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1_000_000 * 0.9) / 8, uploadThroughput: (750 * 1000 * 0.9) / 8 };
/** What a reverse proxy compresses; woff2, png and the like are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|problem\+json|manifest\+json|xml)|image\/svg\+xml)/;

const kB = (bytes) => (bytes / 1000).toFixed(1);

// ---------------------------------------------------------------- the gzip proxy
/** A reverse proxy to `target` that gzips what browsers get gzipped, and records each body's bytes by path. */
function gzipProxy(target) {
  const sizes = new Map();
  const server = http.createServer(async (req, res) => {
    const requestBody = [];
    for await (const chunk of req) requestBody.push(chunk);
    const upstream = http.request(new URL(req.url, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host, 'accept-encoding': 'identity' } }, (up) => {
      const chunks = [];
      up.on('data', (c) => chunks.push(c));
      up.on('end', () => {
        const raw = Buffer.concat(chunks);
        const type = String(up.headers['content-type'] ?? '');
        const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && raw.length > 0;
        const body = gzip ? zlib.gzipSync(raw, { level: LEVEL }) : raw;
        const headers = { ...up.headers, 'content-length': String(body.length) };
        delete headers['transfer-encoding'];
        if (gzip) {
          headers['content-encoding'] = 'gzip';
          headers.vary = 'Accept-Encoding';
        }
        sizes.set(new URL(req.url, target).pathname, { raw: raw.length, sent: body.length, gzip });
        res.writeHead(up.statusCode ?? 502, headers);
        res.end(body);
      });
    });
    upstream.on('error', (e) => {
      res.writeHead(502);
      res.end(String(e));
    });
    upstream.end(Buffer.concat(requestBody));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, sizes, close: () => new Promise((r) => server.close(r)) })));
}

// ---------------------------------------------------------------- one cold load
const KIND = { Script: 'JavaScript', Stylesheet: 'CSS', Font: 'fonts', Document: 'the page (HTML)', Image: 'images', Fetch: 'API calls', XHR: 'API calls' };

async function coldLoad(browser, url, sizes) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'da-DK' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (!SMOKE) await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  const requests = new Map();
  // Requests under way, by CDP's own account (Playwright's "networkidle" would wait for ever on an
  // answer whose body is never read, below).
  const pending = new Set();
  let lastChange = performance.now();
  const settle = (id) => {
    pending.delete(id);
    lastChange = performance.now();
  };
  cdp.on('Network.requestWillBeSent', (e) => {
    pending.add(e.requestId);
    lastChange = performance.now();
  });
  cdp.on('Network.loadingFinished', (e) => settle(e.requestId));
  cdp.on('Network.loadingFailed', (e) => settle(e.requestId));
  cdp.on('Network.responseReceived', (e) => {
    requests.set(e.requestId, { url: e.response.url, status: e.response.status, type: e.type });
    // A fetch whose body the app never reads (a refused session refresh) never "finishes" loading in
    // Chrome; its answer has come, and its bytes are counted at the proxy.
    if (e.type === 'Fetch' || e.type === 'XHR') settle(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.onWire = e.encodedDataLength;
  });
  const failed = [];
  cdp.on('Network.loadingFailed', (e) => failed.push(`${requests.get(e.requestId)?.url ?? e.requestId}: ${e.errorText}`));

  await page.goto(url + FIRST_SCREEN, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Log ind' }).first().waitFor({ state: 'visible', timeout: 120_000 });
  const shownAt = await page.evaluate(() => performance.now());
  await page.waitForLoadState('load');
  // Then until nothing has been under way for half a second: what the first screen went on to fetch.
  for (const started = performance.now(); pending.size > 0 || performance.now() - lastChange < 500; ) {
    if (performance.now() - started > 60_000) throw new Error(`requests still under way a minute after the first screen: ${[...pending].map((id) => requests.get(id)?.url ?? id).join(', ')}`);
    await sleep(50);
  }
  const timing = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const nav = performance.getEntriesByType('navigation')[0];
    return { fcp: paint?.startTime ?? null, load: nav?.loadEventEnd ?? null };
  });
  const loaded = [...requests.values()].filter((r) => r.url.startsWith(url)).map((r) => {
    const p = new URL(r.url).pathname;
    const size = sizes.get(p) ?? { raw: r.onWire ?? 0, sent: r.onWire ?? 0, gzip: false };
    return { ...r, path: p, kind: KIND[r.type] ?? 'other', ...size };
  });
  for (const r of loaded) if (r.status >= 400 && r.kind !== 'API calls') failed.push(`${r.path}: HTTP ${r.status}`);
  await context.close();
  return { shown: shownAt, fcp: timing.fcp, load: timing.load, loaded, failed };
}

// ---------------------------------------------------------------- what dominates the JavaScript
/** The largest contributors to a script, by package or source folder, from its source map if the build wrote one. */
function contributors(file) {
  const mapFile = path.join(WEB_DIR, `${file}.map`);
  if (!fs.existsSync(mapFile)) return null;
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
  const byOwner = new Map();
  map.sources.forEach((source, i) => {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
    const owner = m ? m[1] : source.replace(/^(\.\.\/)+/, '').split('/').slice(0, 3).join('/');
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + (map.sourcesContent?.[i]?.length ?? 0));
  });
  return [...byOwner.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
}

// ---------------------------------------------------------------- main
async function main() {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html')) || !fs.existsSync(path.join(ROOT, 'dist', 'main.js'))) {
    throw new Error(`no built app in ${path.relative(process.cwd(), WEB_DIR) || WEB_DIR}: run \`npm run build\` first (this benchmark builds nothing)`);
  }
  log(`Web app first load: ${FIRST_SCREEN}, ${RUNS} cold load${RUNS === 1 ? '' : 's'}, ${SMOKE ? 'no throttling (smoke)' : 'Slow 4G (562.5 ms, 1.44 Mbit/s down, 675 kbit/s up)'}, gzip level ${LEVEL} at a proxy in front of the service`);
  await migratedDatabase(DB);
  const prefix = `hp-bench-web-${randomBytes(4).toString('hex')}`;
  const api = await startApi({ dbUrl: DB_URL, appDbUrl: appLoginUrl(DB_URL), prefix });
  const proxy = await gzipProxy(api.url);
  const browser = await launchChromium();
  let ok = true;
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldLoad(browser, proxy.url, proxy.sizes));
    for (const r of runs) for (const f of r.failed) {
      ok = false;
      log(`!!! failed to load ${f}`);
    }
    const first = runs[0];
    const byKind = new Map();
    for (const r of first.loaded) {
      const k = byKind.get(r.kind) ?? { files: 0, sent: 0, raw: 0 };
      byKind.set(r.kind, { files: k.files + 1, sent: k.sent + r.sent, raw: k.raw + r.raw });
    }
    log('');
    log('| loaded for the first screen | files | transferred (gzip) | uncompressed |');
    log('| --- | ---: | ---: | ---: |');
    for (const [kind, k] of [...byKind.entries()].sort((a, b) => b[1].sent - a[1].sent)) log(`| ${kind} | ${k.files} | ${kB(k.sent)} kB | ${kB(k.raw)} kB |`);
    const total = [...byKind.values()].reduce((a, k) => ({ files: a.files + k.files, sent: a.sent + k.sent, raw: a.raw + k.raw }), { files: 0, sent: 0, raw: 0 });
    log(`| **total** | ${total.files} | ${kB(total.sent)} kB | ${kB(total.raw)} kB |`);

    const scripts = first.loaded.filter((r) => r.kind === 'JavaScript').sort((a, b) => b.sent - a.sent);
    const js = scripts.reduce((a, r) => a + r.sent, 0);
    const within = js <= JS_BUDGET_KB * 1000;
    log('');
    log(`JavaScript at first screen: ${kB(js)} kB gzipped in ${scripts.length} file${scripts.length === 1 ? '' : 's'}, budget ${JS_BUDGET_KB} kB: ${within ? 'within budget' : `OVER BUDGET by ${kB(js - JS_BUDGET_KB * 1000)} kB`}`);
    for (const s of scripts) log(`  ${s.path}: ${kB(s.sent)} kB gzipped (${kB(s.raw)} kB)`);
    if (!within) {
      for (const s of scripts.slice(0, 2)) {
        const parts = contributors(s.path.replace(/^\//, ''));
        log(parts ? `  ${s.path} is mostly (source size): ${parts.map(([o, n]) => `${o} ${kB(n)} kB`).join(', ')}` : `  ${s.path}: no source map to say what is in it (build with sourcemap: true to see)`);
      }
    }
    for (const f of first.loaded.filter((r) => r.kind === 'fonts' || r.kind === 'CSS')) log(`  ${f.kind === 'fonts' ? 'font' : 'CSS'} ${f.path}: ${kB(f.sent)} kB${f.gzip ? ` gzipped (${kB(f.raw)} kB)` : ''}`);
    const ms = (xs) => {
      const present = xs.filter((x) => x !== null);
      return present.length ? `${Math.round(median(present))} ms` : 'n/a';
    };
    log('');
    log(`Time to the first screen (median of ${RUNS}${SMOKE ? ', unthrottled' : ', Slow 4G'}): "Log ind" visible ${ms(runs.map((r) => r.shown))}, ` +
      `First Contentful Paint ${ms(runs.map((r) => r.fcp))}, load event ${ms(runs.map((r) => r.load))}`);
    log(`  each run, "Log ind" visible: ${runs.map((r) => `${Math.round(r.shown)} ms`).join(', ')}`);
  } finally {
    await browser.close();
    await proxy.close();
    await api.stop();
    await deleteRedisKeys(prefix);
    if (!args.keep) await dropDatabase(DB);
  }
  if (!ok) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
