import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipText } from '../refi/helpers';
import { launchBrowser, screenshot, startApp, type App } from './helpers';

// The QDPX export for QualCoder in real Chromium (browser mode): the sample
// project's NSSP codebook has codes of the same name in different branches, so
// the export renames them and the card lists each one.

let browser: Browser;
let app: App;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.bridge.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('transcript').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('export for QualCoder (Chromium)', () => {
  it('downloads the export for QualCoder and lists the renamed codes', async () => {
    await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Reports' }).click();
    await page.getByRole('tab', { name: 'Codebook and exchange' }).click();
    const card = page.locator('section.reports-card', { has: page.getByRole('heading', { name: 'Project for other tools' }) });
    await card.getByRole('radio', { name: /QualCoder/ }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export project for QualCoder' }).click()]);
    expect(download.suggestedFilename()).toMatch(/for QualCoder\.qdpx$/);
    const qde = unzipText(readFileSync((await download.path())!))['project.qde'];
    expect(qde).toContain('origin="Fieldcode 0.1.0 (for QualCoder)"');
    const renamed = card.getByRole('list', { name: 'Renamed codes' }).getByRole('listitem');
    await expect.poll(() => renamed.count()).toBeGreaterThan(10);
    expect(await renamed.allTextContents()).toContain('Students/Knowledge/global issues → global issues (Students › Knowledge)');
    await screenshot(page, '40-export-for-qualcoder');
    expect(errors).toEqual([]);
  });
});
