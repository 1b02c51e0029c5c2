import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startApp, type App } from './helpers';

// The workspace's panes in real Chromium: drag an edge, resize by keyboard, hide and
// show a pane, reload and find the widths kept; no sideways scroll on small screens.

let browser: Browser;
let app: App;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const width = (selector: string) => page.locator(selector).evaluate((el) => Math.round(el.getBoundingClientRect().width));
const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function openSample(): Promise<void> {
  await page.getByTestId('turn').first().waitFor();
}

describe('workspace panes (Chromium, browser mode)', () => {
  it('opens the sample at 1280×720 without sideways scroll', async () => {
    await page.goto(app.bridge.url);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('transcript').waitFor();
    await page
      .getByTestId('doc-item')
      .filter({ hasText: /focus group/i })
      .first()
      .click();
    await openSample();
    expect(await sideways()).toBeLessThanOrEqual(0);
    await screenshot(page, 'panes-1280x720');
  });

  it('drags the left edge wider and resizes the inspector by keyboard', async () => {
    const before = await width('.left-pane');
    const edge = page.getByTestId('separator-left');
    const box = (await edge.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => width('.left-pane')).toBe(before + 60);
    expect(Number(await edge.getAttribute('aria-valuenow'))).toBe(before + 60);

    const right = page.getByTestId('separator-right');
    const inspector = await width('.inspector');
    await right.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => width('.inspector')).toBe(inspector + 32);
    expect(await right.getAttribute('role')).toBe('separator');
  });

  it('hides and shows a pane by its button and by the shortcut the sheet lists', async () => {
    const centre = await width('.center-pane');
    await page.getByTestId('toggle-right').click();
    await expect.poll(() => page.locator('.inspector').count()).toBe(0);
    expect(await width('.center-pane')).toBeGreaterThan(centre);
    await page.getByTestId('toggle-right').click();
    await page.locator('.inspector').waitFor();

    await page.locator('[data-testid="turn"]').first().click();
    await page.keyboard.press('Control+BracketLeft');
    await expect.poll(() => page.locator('.left-pane').count()).toBe(0);
    await page.keyboard.press('Control+BracketLeft');
    await page.locator('.left-pane').waitFor();

    await page.keyboard.press('?');
    await expect.poll(() => page.getByTestId('keys-sheet').textContent()).toMatch(/Ctrl \[ \/ Ctrl \].*inspector/);
    await page.keyboard.press('Escape');
  });

  it('keeps the widths and a hidden pane across a reload', async () => {
    const left = await width('.left-pane');
    const inspector = await width('.inspector');
    await page.getByTestId('toggle-left').click();
    await page.reload();
    await page.getByTestId('transcript').waitFor();
    await page.getByTestId('separator-left').waitFor();
    expect(await page.locator('.left-pane').count()).toBe(0);
    await expect.poll(() => width('.inspector')).toBe(inspector);
    await page.getByTestId('toggle-left').click();
    await expect.poll(() => width('.left-pane')).toBe(left);
    await page
      .getByTestId('doc-item')
      .filter({ hasText: /focus group/i })
      .first()
      .click();
    await openSample();
  });

  it('fits 1024×768: no sideways scroll, stripes 24 px to click', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    // Widest saved panes still leave the transcript room: each is capped to a share of the window.
    await page.getByTestId('separator-left').focus();
    await page.keyboard.press('End');
    await page.getByTestId('separator-right').focus();
    await page.keyboard.press('End');
    expect(await sideways()).toBeLessThanOrEqual(0);
    expect(await width('.center-pane')).toBeGreaterThan(400);
    await screenshot(page, 'panes-1024x768-widest');
    await page.keyboard.press('Home');
    await page.getByTestId('separator-left').focus();
    await page.keyboard.press('Home');
    expect(await sideways()).toBeLessThanOrEqual(0);
    await screenshot(page, 'panes-1024x768');
    const stripes = page.getByTestId('stripe');
    if ((await stripes.count()) === 0) throw new Error('the sample shows no coding stripes to measure');
    expect(await stripes.first().evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThanOrEqual(24);
  });
});
