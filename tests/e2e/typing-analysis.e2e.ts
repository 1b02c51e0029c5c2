import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName } from '../../shared/api';
import { callApi, launchBrowser, startApp, type App } from './helpers';

// "Reload while typing" for the summaries of the Analysis view (issue #10), on the
// sample project: a framework-matrix cell and a case-study section. Type, stop,
// reload 0.6 s after the last key: every character is in the project.

let browser: Browser;
let app: App;
let page: Page;

const call = <M extends MethodName>(method: M, input: Input<M>) => callApi(app, method, input);

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(app.bridge.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('transcript').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const analysis = async () => {
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Analysis' }).click();
  await page.getByTestId('framework-matrix').waitFor();
};
const status = () => page.getByTestId('saved-indicator').getAttribute('data-status');
const summaries = async () => (await call('analysis.summaries', {})).map((s) => s.body);

async function typeThenReload(text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 15 });
  expect(await status()).toBe('saving');
  await page.waitForTimeout(600);
  await page.reload();
  await page.getByTestId('transcript').waitFor();
}

describe('reload while typing in the Analysis view (Chromium, browser mode)', () => {
  it('keeps every character of a matrix cell summary and a case-study section summary', async () => {
    await analysis();
    await page
      .getByTestId('framework-matrix')
      .getByRole('button', { name: /^Hillcrest Academy × Perceived impact: \d+ segments$/ })
      .click();
    await page.getByTestId('cell-summary').click();
    await page.keyboard.press('Control+End');
    await typeThenReload(' Teachers question their stereotypes.');
    await expect.poll(async () => (await summaries()).some((b) => b.endsWith(' Teachers question their stereotypes.'))).toBe(true);

    await analysis();
    await page.getByRole('tablist', { name: 'Analysis' }).getByRole('tab', { name: 'Case study' }).click();
    await page.getByLabel('Case study of').selectOption({ label: 'Mbale Primary School' });
    const section = page.getByLabel('Summary: Monitoring and evaluation');
    await section.click();
    await page.keyboard.press('Control+End');
    await typeThenReload(' Visits were logged by both heads.');
    await expect.poll(async () => (await summaries()).some((b) => b.endsWith(' Visits were logged by both heads.'))).toBe(true);
    expect(await status()).toBe('saved');
  });
});
