import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startApp, type App } from './helpers';

// The Analysis views on the sample project in real Chromium: the framework matrix
// with its sample summaries, a summary written in a cell and undone, the case-study
// draft, the group comparison and the sample's pair.

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
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Analysis' }).click();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const sub = (name: string) => page.getByRole('tablist', { name: 'Analysis' }).getByRole('tab', { name });

describe('Analysis views (Chromium)', () => {
  it('shows the framework matrix with the sample summaries; a cell opens its segments and takes a summary, undoably', async () => {
    const matrix = page.getByTestId('framework-matrix');
    await matrix.waitFor();
    await expect.poll(() => matrix.locator('tbody tr').count()).toBe(3);
    await expect.poll(() => matrix.getByText(/Teachers describe new ways/).count()).toBe(1);
    await matrix.getByRole('button', { name: /^Hillcrest Academy × Perceived impact: \d+ segments$/ }).click();
    const panel = page.getByTestId('cell-panel');
    await expect.poll(() => panel.locator('blockquote').count()).toBeGreaterThan(0);
    await panel.getByTestId('cell-summary').fill('Teachers question their stereotypes of Pakistan.');
    await panel.locator('h3').click();
    await expect.poll(() => matrix.getByText('Teachers question their stereotypes of Pakistan.').count()).toBe(1);
    await screenshot(page, '40-analysis-matrix');
    await page.getByTestId('undo').click();
    await expect.poll(() => matrix.getByText('Teachers question their stereotypes of Pakistan.').count()).toBe(0);
  });

  it('drafts a case study with the six sections and the section summary', async () => {
    await sub('Case study').click();
    await page.getByLabel('Case study of').selectOption({ label: 'Mbale Primary School' });
    const draft = page.getByTestId('case-study');
    await expect
      .poll(() => draft.locator('section h3').allTextContents())
      .toEqual([
        expect.stringMatching(/^School background and demographic information \d+ segments$/),
        expect.stringMatching(/^Partnership development/),
        expect.stringMatching(/^Partnership in practice/),
        expect.stringMatching(/^Monitoring and evaluation/),
        expect.stringMatching(/^Perceived impact [1-9]\d* segments$/),
        expect.stringMatching(/^Challenges and opportunities/),
      ]);
    await expect.poll(() => page.getByLabel('Summary: Perceived impact').inputValue()).toMatch(/^Teachers describe new ways/);
    await screenshot(page, '41-analysis-case-study');
    // Hillcrest's sheet row names its partner, and so does its pair: the draft says it once.
    await page.getByLabel('Case study of').selectOption({ label: 'Hillcrest Academy' });
    const partnerRows = draft.locator('table.background tr').filter({ hasText: 'partner school' });
    await expect.poll(() => partnerRows.allTextContents()).toEqual(['partner schoolLahore Crescent School']);
    await screenshot(page, '41-analysis-case-study-paired');
  });

  it('compares codes across groups and shows the sample pair side by side', async () => {
    await sub('Groups').click();
    const table = page.getByTestId('group-comparison');
    await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(['code', 'Africa · primary n=1', 'Asia · all ages n=1', 'UK · secondary n=1']);
    await table.locator('tbody tr').first().getByRole('button').first().click();
    await expect.poll(() => page.locator('.cell-panel blockquote').count()).toBeGreaterThan(0);
    await screenshot(page, '42-analysis-groups');
    await sub('Pairs').click();
    await page.getByLabel('Pair matrix codes').selectOption({ label: 'Teachers' });
    const pm = page.getByTestId('pair-matrix');
    await expect.poll(() => pm.locator('tbody tr').count()).toBe(1);
    await pm.getByRole('button', { name: 'Hillcrest Academy' }).click();
    await expect.poll(() => page.getByTestId('pair-view').locator('h3').textContent()).toBe('Hillcrest Academy ↔ Lahore Crescent School');
    await screenshot(page, '43-analysis-pairs');
    expect(errors).toEqual([]);
  });
});
