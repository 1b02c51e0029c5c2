import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, screenshot, startApp, type App } from './helpers';

// axe-core over every view and dialog, in Debian's Chromium through the bridge:
// no critical or serious violation, one h1 per view, landmarks. Each view is
// also photographed at 1440×900 and 1280×720 (tests/e2e/screenshots/) to be looked at.

interface AxeNode {
  target: string[];
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

let browser: Browser;
let app: App;
let page: Page;
const found: { where: string; violation: AxeViolation }[] = [];

async function axe(where: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) }));
  });
  const bad = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  for (const violation of bad) found.push({ where, violation });
  return bad;
}

const summary = (vs: AxeViolation[]) =>
  vs.map(
    (v) =>
      `${v.impact} ${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );

async function view(tab: string, ready: string): Promise<void> {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.locator(ready).first().waitFor();
  await page.waitForTimeout(300);
}

async function photograph(name: string): Promise<void> {
  await screenshot(page, `${name}-1440x900`);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForTimeout(200);
  await screenshot(page, `${name}-1280x720`);
  // No sideways scrolling of the page at a laptop size.
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    `${name} scrolls sideways at 1280×720`,
  ).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function check(where: string): Promise<void> {
  const bad = await axe(where);
  expect(summary(bad), `${where}: critical/serious axe violations`).toEqual([]);
}

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
  // The app's CSP forbids inline scripts, rightly; axe is injected by the test only.
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
});

afterAll(async () => {
  const lines = found.map(({ where, violation }) => `  ${where}: ${summary([violation])[0]}`);
  console.log(`axe: ${found.length} critical/serious violation(s)${lines.length ? `\n${lines.join('\n')}` : ''}`);
  await browser?.close();
  await app?.close();
});

describe('accessibility (axe-core in Chromium)', () => {
  it('welcome screen', async () => {
    await page.goto(app.bridge.url);
    await page.getByTestId('welcome').waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    await photograph('a11y-welcome');
    await check('welcome');
  });

  // Each view with something in it: hits, retrieved segments, tables.
  const fill: Record<string, () => Promise<void>> = {
    search: async () => {
      await page.getByRole('searchbox', { name: 'Search the transcripts' }).fill('school');
      await page.getByRole('searchbox', { name: 'Search the transcripts' }).press('Enter');
      await page.locator('main li').first().waitFor();
    },
    segments: async () => {
      await page.getByTestId('segments-code').selectOption('*');
      await page.getByTestId('segment-rows').locator('li').first().waitFor();
    },
  };
  const views: [string, string, string][] = [
    ['Code', '[data-testid="turn"]', 'code'],
    ['Search', 'main input[type="search"]', 'search'],
    ['Coded segments', 'main', 'segments'],
    ['Cases', 'main table, main .pane-empty', 'cases'],
    ['Memos', 'main', 'memos'],
    ['Team', 'main', 'team'],
    ['Reports', 'main', 'reports'],
  ];
  for (const [tab, ready, name] of views) {
    it(`${tab} view: one h1, landmarks, no critical or serious violation`, async () => {
      if (tab === 'Code') {
        await page.getByTestId('open-sample').click();
        await page.getByTestId('transcript').waitFor();
      }
      await view(tab, ready);
      await fill[name]?.();
      expect(await page.locator('h1').count(), `${tab}: h1 elements`).toBe(1);
      expect(await page.locator('main').count(), `${tab}: main landmarks`).toBe(1);
      expect(await page.locator('header, [role="banner"]').count(), `${tab}: banner`).toBeGreaterThanOrEqual(1);
      await photograph(`a11y-${name}`);
      await check(`${tab} view`);
    });
  }

  it('dialogs: quick-code palette, import, document, delete confirmation', async () => {
    await view('Code', '[data-testid="turn"]');
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette').waitFor();
    await check('palette');
    await page.keyboard.press('Escape');
    await page.getByTestId('import-button').click();
    await page.getByRole('dialog').waitFor();
    await check('import dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('doc-edit').first().click();
    await page.getByTestId('document-dialog').waitFor();
    await check('document dialog');
    await page.getByRole('button', { name: 'Delete document…' }).click();
    await page.getByRole('alertdialog').waitFor();
    await screenshot(page, 'a11y-delete-document-1440x900');
    await check('delete confirmation');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('the check itself sees a violation when one is there (low-contrast text, a list without items)', async () => {
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'axe-probe';
      probe.innerHTML = '<p style="color:#c8c8c8;background:#fff">faint words</p><ul><div>not an item</div></ul>';
      document.body.append(probe);
    });
    const ids = (await axe('probe (expected)')).map((v) => v.id);
    found.splice(found.findIndex((f) => f.where === 'probe (expected)'));
    await page.evaluate(() => document.getElementById('axe-probe')?.remove());
    expect(ids).toEqual(expect.arrayContaining(['color-contrast', 'list']));
  });

  it('every view tab is reachable and operable by keyboard, with visible focus', async () => {
    await page.keyboard.press('Escape');
    const tab = page.getByRole('tab', { name: 'Reports', exact: true });
    await tab.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    const shadow = await tab.evaluate((e) => getComputedStyle(e).boxShadow + getComputedStyle(e).outlineStyle);
    expect(shadow).not.toBe('nonenone');
  });
});
