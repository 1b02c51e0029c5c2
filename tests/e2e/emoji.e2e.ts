import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/documents/import';
import { newProject } from '../../electron/project/project';
import { closeProject } from '../../electron/store/db';
import { tempDir } from '../helpers/temp';
import { launchBrowser, screenshot, startApp, type App } from './helpers';

// The bundled emoji font must draw, not only load: on a machine without an emoji font
// 📚 and 😊 were blank although "Noto Color Emoji" had loaded (issue #10). Each emoji of
// a turn is photographed where the page laid it out and must have colour in it.

let browser: Browser;
let app: App;
let page: Page;

beforeAll(async () => {
  const path = join(tempDir(), 'emoji.fieldcode');
  const p = newProject(path, { codebook: 'empty', coder: 'Amina' });
  const text = 'Mrs Achieng: The library box 📚 came and the pupils were happy 😊 all week.\nMr Banda: یہ اچھا ہے 📚';
  await importFiles(p, [{ name: 'Emoji.txt', bytes: new TextEncoder().encode(text) }]);
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

/** Where each occurrence of `emoji` is drawn in the turns, as page rectangles. */
const placesOf = (emoji: string) =>
  page.evaluate((e) => {
    const rects: { x: number; y: number; width: number; height: number }[] = [];
    for (const el of document.querySelectorAll('[data-testid="turn-text"]')) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(e);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + e.length);
        const r = range.getBoundingClientRect();
        rects.push({ x: r.x, y: r.y, width: r.width, height: r.height });
      }
    }
    return rects;
  }, emoji);

/** How many pixels of a PNG are clearly coloured (not black, grey or white), counted in the page. */
const colouredPixels = (png: Buffer) =>
  page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.width, img.height];
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 80) n++;
    return n;
  }, png.toString('base64'));

describe('emoji in a transcript (Chromium, browser mode)', () => {
  it('draws 📚 and 😊 in colour with the bundled font, beside English and Urdu', async () => {
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'emoji-turns');
    for (const emoji of ['📚', '😊']) {
      const places = await placesOf(emoji);
      expect(places.length).toBeGreaterThan(0);
      for (const clip of places) {
        expect(clip.width).toBeGreaterThan(8);
        expect(await colouredPixels(await page.screenshot({ clip }))).toBeGreaterThan(20);
      }
    }
    // Plain text has no colour: the count tells a drawn emoji from an empty box.
    const [plain] = await page
      .locator('[data-testid="speaker-name"], .speaker-name')
      .first()
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(await colouredPixels(await page.screenshot({ clip: { x: plain.x, y: plain.y, width: plain.width, height: plain.height } }))).toBe(0);
  });
});
