import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigProject } from './big';
import { callApi, launchBrowser, screenshot, startApp, type App } from './helpers';
import { applyTimes } from '../bench/ui-apply';

// A 150,000-word transcript with 3,000 segments opens as a virtual list with its
// highlights, and coding in it works. Speed is `npm run bench:ui` (figures, not tests).

let browser: Browser;
let app: App;
let timingCode = '';

beforeAll(async () => {
  browser = await launchBrowser();
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const made = await bigProject(mkdtempSync(join(tmpdir(), 'fieldcode-big-')));
  timingCode = made.timingCode;
  app = await startApp(made.path);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a big transcript', () => {
  it('opens a 150,000-word transcript as a virtual list and codes in it', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.bridge.url);
    await page.getByTestId('transcript').waitFor();
    await page.getByTestId('doc-item').filter({ hasText: '150k' }).click();
    await page.locator('[data-testid="highlight"]').first().waitFor();
    const turns = await page.getByTestId('turn').count();
    await screenshot(page, '10-big-transcript');

    // Coding in it works: a pinned code's key applies it and the highlight is painted
    // (the timing of this is `npm run bench:ui`, not a test).
    const { times } = await applyTimes(page, timingCode, 3);
    expect(times).toHaveLength(3);
    expect(turns).toBeGreaterThan(0);
    expect(turns).toBeLessThan(400);
    await screenshot(page, '11-big-after-timing');

    // The strip beside the scrollbar takes the reader to that stretch of the text:
    // a click nine tenths down shows a paragraph from about nine tenths in.
    const big = (await callApi(app, 'documents.list', {})).find((d) => d.name.includes('150k'))!;
    const length = (await callApi(app, 'documents.get', { id: big.id })).text.length;
    const strip = page.getByTestId('density-strip');
    const box = (await strip.boundingBox())!;
    await strip.click({ position: { x: box.width / 2, y: box.height * 0.9 } });
    const firstInView = () =>
      page.evaluate(() => {
        const scroller = document.querySelector<HTMLElement>('[data-testid="transcript"]')!.getBoundingClientRect();
        const t = [...document.querySelectorAll<HTMLElement>('[data-testid="turn"]')].find((el) => el.getBoundingClientRect().bottom > scroller.top);
        return Number(t?.dataset.blockStart ?? 0);
      });
    await expect.poll(async () => (await firstInView()) / length).toBeGreaterThan(0.85);
    expect((await firstInView()) / length).toBeLessThan(0.95);
  });
});
