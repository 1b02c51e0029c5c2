import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/documents/import';
import { newProject } from '../../electron/project/project';
import { listSegments } from '../../electron/coding/coding';
import { closeProject } from '../../electron/store/db';
import { tempDir } from '../helpers/temp';
import { launchBrowser, startApp, type App } from './helpers';

// Coding shows before its write answers (issue #12). When the write fails, the
// highlight goes again and the coder reads why; a failed write says "Not saved",
// a refused one does not. The failure is made at the HTTP boundary: the request to
// the server is answered with the server's own error reply, the project untouched.

let browser: Browser;
let app: App;
let page: Page;

beforeAll(async () => {
  const path = join(tempDir(), 'optimistic.fieldcode');
  const p = newProject(path, { codebook: 'nssp', coder: 'Amina' });
  await importFiles(p, [
    { name: 'Interview Kisumu.txt', bytes: new TextEncoder().encode('Mrs Achieng: We planned the lesson together with the partner school.\n') },
  ]);
  closeProject(p);
  browser = await launchBrowser();
  app = await startApp(path);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(app.bridge.url);
  await page.getByTestId('transcript').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Selects the first words of the transcript by keyboard. */
async function selectWords(n: number): Promise<void> {
  await page.getByTestId('transcript').focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < n; i++) await page.keyboard.press('Control+Shift+ArrowRight');
}

/** Answers the next segments.apply with the server's error reply after a pause (so the provisional highlight can be seen). */
async function failNextApply(status: number, error: string): Promise<void> {
  await page.route('**/api/segments.apply', async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ ok: false, error }) });
    await page.unroute('**/api/segments.apply');
  });
}

const highlights = () => page.getByTestId('highlight').count();
const status = () => page.getByTestId('saved-indicator').getAttribute('data-status');

describe('coding before the write answers (Chromium, browser mode)', () => {
  it('takes a failed coding away again and says why; "Not saved" only for a failed write', async () => {
    await failNextApply(500, 'the project file could not be written: disk full');
    await selectWords(3);
    await page.locator('[data-testid="code-item"][data-path="Teachers/Skills/teaching skills"]').click();
    await expect.poll(highlights, { timeout: 300 }).toBe(1); // shown before the answer
    await expect.poll(() => page.locator('.problem[role="alert"]').textContent()).toContain('disk full');
    expect(await highlights()).toBe(0);
    expect(await status()).toBe('failed');
    expect(listSegmentsOnDisk()).toBe(0);

    // A refusal (a rule of the data) also takes the highlight away, but nothing failed to save.
    await page.locator('.problem[role="alert"]').getByRole('button').first().click();
    await failNextApply(400, 'the passage is not inside the document');
    await page.locator('[data-testid="code-item"][data-path="Teachers/Skills/teaching skills"]').click();
    await expect.poll(() => page.locator('.problem[role="alert"]').textContent()).toContain('not inside the document');
    expect(await highlights()).toBe(0);
    expect(await status()).toBe('saved');

    // The same coding, unhindered, is stored and stays.
    await page.locator('[data-testid="code-item"][data-path="Teachers/Skills/teaching skills"]').click();
    await expect.poll(status).toBe('saved');
    expect(await highlights()).toBe(1);
    expect(listSegmentsOnDisk()).toBe(1);
  });
});

/** The segments the project itself holds (through the running server's session). */
function listSegmentsOnDisk(): number {
  return listSegments(app.bridge.session.project!).length;
}
