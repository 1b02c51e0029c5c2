import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startApp, type App } from './helpers';

// Every view of the sample project in real Chromium: it renders without a page
// error, shows the sample's data, and leaves a screenshot to look at.

let browser: Browser;
let app: App;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.bridge.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('transcript').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const tab = (name: string) => page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name });

describe('views of the sample project (Chromium)', () => {
  it('searches the transcripts and jumps to a hit', async () => {
    await tab('Search').click();
    await page.getByRole('searchbox', { name: 'Search the transcripts' }).fill('partner');
    await page.keyboard.press('Enter');
    const hits = page.getByTestId('search-hits').locator('li');
    await expect.poll(() => hits.count()).toBeGreaterThan(2);
    await screenshot(page, '20-search');
    const quote = (await hits.nth(1).locator('mark').textContent())!;
    await hits.nth(1).locator('.result-open').click();
    await page.getByTestId('transcript').waitFor();
    // The passage opens selected in its transcript, ready to code.
    await expect.poll(() => page.locator('.turn-text .selected').first().textContent()).toMatch(new RegExp(quote, 'i'));
  });

  it('retrieves coded segments for all codes', async () => {
    await tab('Coded segments').click();
    await page.getByTestId('segments-code').selectOption('*');
    await expect.poll(() => page.getByTestId('segment-rows').locator('li').count()).toBeGreaterThan(10);
    await screenshot(page, '21-coded-segments');
  });

  it('shows cases with their attributes', async () => {
    await tab('Cases').click();
    await expect.poll(() => page.getByText('Mbale Primary School').count()).toBeGreaterThan(0);
    await screenshot(page, '22-cases');
  });

  it('shows memos, agreement between the sample coders, and reports', async () => {
    await tab('Memos').click();
    await page.getByRole('heading', { name: 'Memos' }).waitFor();
    await screenshot(page, '23-memos');
    await tab('Team').click();
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await expect.poll(() => page.getByTestId('agreement-table').locator('tbody tr').count()).toBeGreaterThan(3);
    await screenshot(page, '24-agreement');
    await tab('Reports').click();
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await page.getByLabel('continent', { exact: true }).check();
    await page.getByLabel('phase', { exact: true }).check();
    await page.getByRole('button', { name: 'Show matrix' }).click();
    await expect.poll(() => page.locator('.reports-view table tbody tr').count()).toBeGreaterThan(10);
    await screenshot(page, '25-reports-matrix');
    expect(errors).toEqual([]);
  });
});
