import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import type { WebApp } from '../support/browser';
import { expectStatus, openCase, registerResident } from '../support/fixtures';
import { apiCounsellor } from './counsellor-world';

/** Helle, registered by a colleague, with a debt case and a conversation whose note is hers; answers her id. */
export async function helleOf(web: WebApp): Promise<string> {
  const colleague = await apiCounsellor(web);
  const resident = await registerResident(colleague, {
    housingAreaId: web.plan().areas.eligible,
    firstName: 'Helle',
    lastName: 'Hansen',
    birthDate: '1979-09-15',
    gender: 'female',
    phone: '+45 20 30 40 50',
    confirmNotDuplicate: true,
  });
  const debt = await openCase(colleague, { residentId: resident.id, topic: 'debt', form: 'open_drop_in', subject: 'Gæld til SKAT' });
  expectStatus(await colleague.post(`/counselling-cases/${debt.id}/contacts`, { occurredAt: new Date(Date.now() - 3600_000).toISOString(), channel: 'in_person', note: 'Helle græd' }), 201, 'contact');
  return resident.id;
}

/** From the menu to Helle's page, by searching for her as a counsellor would. */
export async function openResident(page: Page, web: WebApp, residentId: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Beboere' }).click();
  await page.getByLabel('Søg på navn, telefon eller pseudonym').fill('Helle');
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await page.getByRole('link', { name: 'Helle Hansen' }).click();
  await page.getByRole('heading', { name: 'Helle Hansen', level: 1 }).waitFor();
  expect(page.url()).toBe(`${web.url}/beboere/${residentId}`);
  await page.getByRole('heading', { name: 'Beboerens rettigheder', level: 2 }).waitFor();
}

/** Clicks the button and keeps what the browser downloads: its name and bytes. */
export async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}
