import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp, type App } from './helpers';

// Documents changed from the list and the inspector; projects closed, opened and
// created in browser mode without restarting the server; the coder asked by name.

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

const docNames = () => page.getByTestId('doc-item').locator('.doc-name').allTextContents();

describe('documents and projects (Chromium, browser mode)', () => {
  it('renames, changes kind and case, deletes (saying how many segments) and undoes, from the list', async () => {
    await page.goto(app.bridge.url);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('transcript').waitFor();
    const row = page.locator('.doc-row').filter({ hasText: /Focus group/ });
    await row.getByTestId('doc-item').click();
    await row.getByTestId('doc-edit').click();
    const dialog = page.getByTestId('document-dialog');
    const name = dialog.getByLabel('Name');
    await expect.poll(() => name.evaluate((e) => e === document.activeElement)).toBe(true);
    await name.fill('FG Hillcrest teachers');
    await name.press('Enter');
    await expect.poll(docNames).toContain('FG Hillcrest teachers');
    await dialog.getByLabel('Kind').selectOption('interview');
    await expect.poll(() => page.getByTestId('undo').getAttribute('title')).toMatch(/Make "FG Hillcrest teachers" a interview/);
    await dialog.getByLabel('Case').selectOption({ label: 'No case' });
    await expect
      .poll(() => page.locator('.doc-group').filter({ hasText: 'No case' }).getByTestId('doc-item').allTextContents())
      .toEqual([expect.stringContaining('FG Hillcrest teachers')]);

    const segments = Number(await page.locator('.doc-row').filter({ hasText: 'FG Hillcrest teachers' }).locator('.count').textContent());
    expect(segments).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Delete document…' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.textContent()).toContain(`Its ${segments} coded segments go with it.`);
    await confirm.getByRole('button', { name: 'Delete document' }).click();
    await expect.poll(docNames).not.toContain('FG Hillcrest teachers');
    expect(await dialog.count()).toBe(0);
    await page.getByTestId('undo').click();
    await expect.poll(docNames).toContain('FG Hillcrest teachers');
    const restored = page.locator('.doc-row').filter({ hasText: 'FG Hillcrest teachers' });
    await expect.poll(() => restored.locator('.count').textContent()).toBe(String(segments));
  });

  it('renames the open document from the inspector', async () => {
    await page.locator('.doc-row').filter({ hasText: 'FG Hillcrest teachers' }).getByTestId('doc-item').click();
    const section = page.locator('.inspector details');
    await section.locator('summary').click();
    await section.getByLabel('Name').fill('Focus group - Teachers, Hillcrest');
    await section.getByLabel('Name').press('Tab');
    await expect.poll(docNames).toContain('Focus group - Teachers, Hillcrest');
  });

  it('closes the project, opens the sample again and creates a new one — same server', async () => {
    await page.getByTestId('close-project').click();
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('open-sample').click();
    await page.getByTestId('transcript').waitFor();
    await page.getByTestId('close-project').click();
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('new-project-name').fill('Kenya round 2');
    await expect.poll(() => page.getByTestId('new-project-path').textContent()).toMatch(/projects[\\/]Kenya round 2\.fieldcode$/);
    const create = page.getByRole('button', { name: 'Create project' });
    expect(await create.isDisabled()).toBe(true);
    await page.getByTestId('new-project-coder').fill('Bilal');
    await create.click();
    await page.getByTestId('close-project').waitFor();
    await expect.poll(() => page.locator('.project-name').getAttribute('title')).toMatch(/Kenya round 2\.fieldcode$/);
    expect(await page.getByTestId('who-is-coding').count()).toBe(0);
    await expect.poll(() => page.locator('.statusbar .coder, .coder').first().textContent()).toContain('Bilal');
  });
});

describe('who is coding', () => {
  it('asks for a name when a project was made without one (here by the CLI), offering no silent "Coder"', async () => {
    const { newProject } = await import('../../electron/project/project');
    const { closeProject } = await import('../../electron/store/db');
    const { join } = await import('node:path');
    const path = join(app.dir, 'from-cli.fieldcode');
    closeProject(newProject(path, { codebook: 'empty' }));
    await page.getByTestId('close-project').click();
    await page.getByTestId('welcome').waitFor();
    await page.getByRole('textbox', { name: 'Open a project file' }).fill(path);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const ask = page.getByTestId('who-is-coding');
    await ask.waitFor();
    await expect.poll(() => page.getByTestId('coder-name').evaluate((e) => e === document.activeElement)).toBe(true);
    await page.getByTestId('coder-name').fill('Chiara');
    await page.getByTestId('coder-name').press('Enter');
    await expect.poll(() => ask.count()).toBe(0);
    await expect.poll(() => page.locator('.coder').first().textContent()).toContain('Chiara');
  });
});
