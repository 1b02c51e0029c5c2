import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startApp, type App } from './helpers';

// The coding workspace in real Chromium, through the bridge (browser mode):
// open the sample, code by keyboard and by click, undo, reload, import.

let browser: Browser;
let app: App;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const highlights = () => page.locator('[data-testid="highlight"]').count();

/** Drags the mouse across the first words of a paragraph, as a researcher would. */
async function selectWords(nth: number): Promise<string> {
  const text = page.locator('[data-testid="turn-text"]').nth(nth);
  await text.scrollIntoViewIfNeeded();
  const box = (await text.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + Math.min(180, box.width - 4), box.y + 8, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.locator('.turn-text .selected').count()).toBeGreaterThan(0);
  return (await page.locator('.inspector blockquote').first().textContent()) ?? '';
}

describe('coding workspace (Chromium, browser mode)', () => {
  it('opens the sample project from the welcome screen', async () => {
    await page.goto(app.bridge.url);
    await page.getByTestId('welcome').waitFor();
    await screenshot(page, '01-welcome');
    await page.getByTestId('open-sample').click();
    await page.getByTestId('transcript').waitFor();
    expect(await page.getByTestId('doc-item').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('code-item').count()).toBeGreaterThan(10);
    await page
      .getByTestId('doc-item')
      .filter({ hasText: /focus group/i })
      .first()
      .click();
    await page.locator('[data-testid="turn"]').first().waitFor();
    await screenshot(page, '02-workspace-sample');
  });

  it('codes a selection with a pinned number key, shows highlight and stripe, and undoes it', async () => {
    const before = await highlights();
    const stripes = await page.getByTestId('stripe').count();
    // Keys hold only the codes the coder put on them: put one on key 1.
    const row = page.locator('[data-testid="code-item"][data-path="Teachers/Skills/teaching skills"]');
    await row.hover();
    await row.getByRole('button', { name: /on a number key/ }).click();
    await expect.poll(() => row.getByTestId('key-badge').textContent()).toBe('1');
    const quote = await selectWords(2);
    expect(quote.length).toBeGreaterThan(3);
    await page.keyboard.press('1');
    await expect.poll(highlights).toBeGreaterThan(before);
    await expect.poll(() => page.getByTestId('stripe').count()).toBeGreaterThan(stripes);
    await expect.poll(() => page.getByTestId('saved-indicator').getAttribute('data-status')).toBe('saved');
    await screenshot(page, '03-coded-by-key');
    await page.getByTestId('undo').click();
    await expect.poll(highlights).toBe(before);
    await page.getByTestId('redo').click();
    await expect.poll(highlights).toBeGreaterThan(before);
  });

  it('codes a selection by clicking a code, and by the quick-code palette', async () => {
    const code = page.locator('[data-testid="code-item"][data-path="Teachers/Skills/teaching skills"]');
    const path = await code.getAttribute('data-path');
    const count = () =>
      page
        .locator(`[data-testid="highlight"]`)
        .evaluateAll((els, p) => els.filter((e) => (e.getAttribute('title') ?? '').split('\n').includes(p!)).length, path);
    const before = await count();
    await selectWords(4);
    await code.click();
    await expect.poll(count).toBeGreaterThan(before);

    await selectWords(6);
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette').waitFor();
    await page.getByTestId('palette-input').fill('lesson plan');
    await expect.poll(() => page.getByTestId('palette').getByRole('option').first().textContent()).toMatch(/lesson planning/);
    await screenshot(page, '04-palette');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('palette').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="segment-card"]').first().textContent()).toMatch(/lesson planning/);

    // Nothing matches: the palette offers to create the code, and applies it in one step.
    await selectWords(8);
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('Visits changed expectations');
    await expect.poll(() => page.getByTestId('palette').getByRole('option').last().textContent()).toMatch(/Create code “Visits changed expectations”/);
    await page.getByTestId('palette').getByRole('option').last().click();
    await expect.poll(() => page.locator('[data-testid="code-item"][data-path$="Visits changed expectations"]').count()).toBe(1);
    await screenshot(page, '05-inspector-after-palette');
  });

  it('keeps the coding after a reload', async () => {
    const before = await highlights();
    expect(before).toBeGreaterThan(0);
    await page.reload();
    await page.getByTestId('transcript').waitFor();
    await page
      .getByTestId('doc-item')
      .filter({ hasText: /focus group/i })
      .first()
      .click();
    await expect.poll(highlights).toBe(before);
  });

  it('imports a transcript through the import dialog, listing a bad file by name', async () => {
    const good = join(app.dir, 'Interview - Mr Banda.txt');
    const bad = join(app.dir, 'scan.docx');
    writeFileSync(good, 'Interviewer: How did the partnership start?\nMr Banda: With letters between our Year 5 pupils and a school in Kisumu.\n');
    writeFileSync(bad, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13]));
    const docs = await page.getByTestId('doc-item').count();
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-file-input').setInputFiles([good, bad]);
    await page.getByTestId('import-start').click();
    const results = page.getByTestId('import-results');
    await expect.poll(() => results.textContent()).toMatch(/scan\.docx/);
    expect(await results.textContent()).toMatch(/Interview - Mr Banda/);
    await screenshot(page, '06-import-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('doc-item').count()).toBe(docs + 1);
  });
});
