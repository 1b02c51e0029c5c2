import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './helpers';
import { progressTexts, recordProgressTexts, studyInBrowser, type StudyInBrowser } from './study-copy';

// The reliability report's exports in the Team view, in real Chromium through the
// bridge: the stage ("Computing" the coefficients and 1,000 bootstrap draws, then
// the file) with Cancel; cancelled, nothing is downloaded or written; left alone,
// the methods paragraph arrives as a Word file.

let study: StudyInBrowser;
let page: Page;
const LABEL = 'Reliability export progress';

beforeAll(async () => {
  // Three coders' segments on every school, so the coefficients and their intervals take a moment to compute.
  study = await studyInBrowser('fieldcode-reliability-progress-', 6000, 3);
  page = study.page;
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Team' }).click();
  await page.getByRole('tablist', { name: 'Team' }).getByRole('tab', { name: 'Agreement' }).click();
  await page.getByTestId('agreement-table').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await study?.close();
});

const tools = () => page.locator('.reliability-tools');

describe('progress and cancel of the reliability exports (Chromium, browser mode)', () => {
  it('Cancel while the request is still on its way: “Cancelled — nothing was changed”, and nothing is downloaded or written', async () => {
    // The export takes well under a second here, faster than a click: its request is held in the
    // browser (as a slow network or a busy machine would) until Cancel has reached the core, which
    // then stops the export as soon as it starts.
    let release: () => void = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/api/team.exportMethods', async (route) => {
      await held;
      await route.continue();
    });
    const before = study.files();
    await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'Methods paragraph (Word)' }).click();
    const bar = page.getByRole('progressbar', { name: LABEL });
    await bar.waitFor();
    await screenshot(page, 'progress-reliability-running');
    const cancelled = page.waitForResponse('**/api/operation.cancel');
    await tools().getByRole('button', { name: 'Cancel' }).click();
    await cancelled;
    release();
    const status = tools().locator('.view-done, .view-error');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe('Cancelled — nothing was changed');
    await screenshot(page, 'progress-reliability-cancelled');
    await page.unroute('**/api/team.exportMethods');
    expect(await bar.count()).toBe(0);
    expect(study.downloads).toHaveLength(0);
    expect(study.files()).toEqual(before);
  });

  it('left alone, “Computing” shows while the coefficients are worked out, and the methods paragraph downloads', async () => {
    await recordProgressTexts(page, LABEL);
    const downloaded = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'Methods paragraph (Word)' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe('Methods - inter-coder reliability.docx');
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await expect.poll(() => tools().locator('.view-done').textContent()).toMatch(/^Downloaded Methods - inter-coder reliability\.docx: /);
    expect(await progressTexts(page)).toContain('Computing 1 of 2');
  });
});
