/** Chromium for the benchmarks that drive the web app: @sparticuz/chromium's binary, driven by playwright-core. */
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';

// @sparticuz/chromium's arguments are for AWS Lambda; these would make the measured browser unlike a
// user's (one process, no web security), as test/support/browser.ts leaves them out too.
const LAMBDA_ONLY = /^--(single-process|no-zygote|disable-web-security|allow-running-insecure-content|disable-site-isolation-trials|headless)/;

export async function launchChromium() {
  return playwright.launch({ executablePath: await chromium.executablePath(), args: chromium.args.filter((a) => !LAMBDA_ONLY.test(a)), headless: true });
}
