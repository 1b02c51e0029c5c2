import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './helpers';
import { progressTexts, recordProgressTexts, studyInBrowser, type StudyInBrowser } from './study-copy';

// The drafts of all 54 schools exported from the Analysis view in real Chromium
// through the bridge: the bar says which school is being drafted, Cancel stops it
// with “Cancelled — nothing was changed” and nothing is downloaded or written;
// left alone, one ZIP with a draft per school arrives.

let study: StudyInBrowser;
let page: Page;
const LABEL = 'All case-study drafts export progress';

beforeAll(async () => {
  // About 30,000 coded segments across the schools, as a coded study holds: drafting all 54 takes seconds, long enough to cancel.
  study = await studyInBrowser('fieldcode-analysis-progress-', 30_000, 3);
  page = study.page;
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('tablist', { name: 'Analysis' }).getByRole('tab', { name: 'Case study' }).click();
  await page.getByTestId('all-drafts').waitFor();
  // Every text the bar gives screen readers, recorded in the page as it changes.
  await recordProgressTexts(page, LABEL);
});

afterAll(async () => {
  await study?.close();
});

const seen = () => progressTexts(page);

describe('progress and cancel of the analysis exports (Chromium, browser mode)', () => {
  it('shows the school being drafted; Cancel says “Cancelled — nothing was changed”, and nothing was written or downloaded', async () => {
    const before = study.files();
    const box = page.getByTestId('all-drafts');
    await box.getByRole('group', { name: 'Drafts of all 54 cases, one file each in a ZIP' }).getByRole('button', { name: 'DOCX' }).click();
    const bar = page.getByRole('progressbar', { name: LABEL });
    await expect.poll(() => bar.getAttribute('aria-valuetext'), { timeout: 30_000 }).toMatch(/^Drafting \d+ of 54: .+/);
    // Pressed at once, as a user would on seeing the bar (the running bar's picture is taken in the next test).
    await box.getByRole('button', { name: 'Cancel' }).click();
    const status = box.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('Cancelled — nothing was changed');
    await screenshot(page, 'progress-drafts-cancelled');
    expect(await bar.count()).toBe(0);
    const shown = await seen();
    const drafting = shown.filter((t) => /^Drafting \d+ of 54: /.test(t));
    expect(drafting.length).toBeGreaterThan(0);
    // Stopped before the last school, and never packed or written.
    expect(shown.some((t) => /^Drafting 54 of 54/.test(t) || /^(Packing|Sending)/.test(t))).toBe(false);
    expect(study.downloads).toHaveLength(0);
    expect(study.files()).toEqual(before);
    // The buttons are back for another try.
    expect(await box.getByRole('button', { name: 'DOCX' }).isEnabled()).toBe(true);
  });

  it('left alone, drafts every school in order and downloads one ZIP with a draft each', async () => {
    const box = page.getByTestId('all-drafts');
    const downloaded = page.waitForEvent('download', { timeout: 60_000 });
    await box.getByRole('button', { name: 'MD' }).click();
    await expect
      .poll(() => page.getByRole('progressbar', { name: LABEL }).getAttribute('aria-valuetext'), { timeout: 30_000 })
      .toMatch(/^Drafting \d+ of 54: .+/);
    await screenshot(page, 'progress-drafts-running');
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe('case-study drafts.zip');
    const zip = unzipSync(readFileSync((await download.path())!));
    expect(Object.keys(zip)).toHaveLength(54);
    expect(Object.keys(zip).every((n) => n.endsWith('.md'))).toBe(true);
    await expect.poll(() => box.getByRole('status').textContent()).toMatch(/^Downloaded case-study drafts\.zip: 54 drafts, [\d.]+ (KB|MB)$/);
    const counts = (await seen()).flatMap((t) => /^Drafting (\d+) of 54/.exec(t)?.slice(1) ?? []).map(Number);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });
});
