import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCode } from '../../electron/codebook/codebook';
import { newProject } from '../../electron/project/project';
import { coderCopy } from '../../electron/team/coder-copy';
import { closeProject, openProject } from '../../electron/store/db';
import { tempDir } from '../helpers/temp';
import { launchBrowser, screenshot, startApp, type App } from './helpers';

// Browser mode chooses coder copies with the browser's file picker (issue #10): they
// go to the local server and are merged from there, never typed as paths.

let browser: Browser;
let app: App;
let page: Page;
const copies: string[] = [];

beforeAll(async () => {
  const dir = tempDir();
  const master = join(dir, 'study.fieldcode');
  const p = newProject(master, { codebook: 'empty', coder: 'Lead' });
  for (const coder of ['Amina', 'Ben']) {
    const path = join(dir, `${coder} copy.fieldcode`);
    coderCopy(p, path, coder);
    const copy = openProject(path);
    createCode(copy, { name: `Code from ${coder}`, parentId: null });
    closeProject(copy);
    copies.push(path);
  }
  closeProject(p);
  browser = await launchBrowser();
  app = await startApp(master);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(app.bridge.url);
  await page.getByRole('tab', { name: 'Team', exact: true }).click();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('merging coder copies chosen in the file picker (Chromium, browser mode)', () => {
  it('uploads two copies, checks and merges them, and the server keeps no copy afterwards', async () => {
    const before = copies.map((c) => readFileSync(c));
    await page.getByTestId('merge-files').setInputFiles(copies);
    const chosen = page.getByRole('list', { name: 'Copies chosen' }).getByRole('listitem');
    await expect
      .poll(() => chosen.allTextContents())
      .toEqual([expect.stringMatching(/^Amina copy\.fieldcode \(/), expect.stringMatching(/^Ben copy\.fieldcode \(/)]);
    expect(readdirSync(app.bridge.uploadFolder)).toHaveLength(2);
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await page.getByRole('button', { name: 'Merge 2 files' }).click();
    await page.getByRole('button', { name: 'Merge more files' }).waitFor();
    await screenshot(page, 'team-upload-merged');
    await page.getByRole('tab', { name: 'Code', exact: true }).click();
    for (const coder of ['Amina', 'Ben']) await page.locator(`[data-testid="code-item"][data-path="Code from ${coder}"]`).waitFor();
    expect(readdirSync(app.bridge.uploadFolder)).toEqual([]);
    expect(copies.map((c) => readFileSync(c).equals(before[copies.indexOf(c)]))).toEqual([true, true]);
  });
});
