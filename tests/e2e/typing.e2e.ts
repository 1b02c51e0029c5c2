import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName } from '../../shared/api';
import { createCase, setCaseAttribute } from '../../electron/cases/cases';
import { saveMemo } from '../../electron/coding/memos';
import { importFiles } from '../../electron/documents/import';
import { newProject } from '../../electron/project/project';
import { closeProject } from '../../electron/store/db';
import { tempDir } from '../helpers/temp';
import { callApi, launchBrowser, startApp, type App } from './helpers';

// "Reload while typing" for the text fields of the Memos and Cases views (issue #10):
// type, stop, reload 0.6 s after the last key, and every character is in the project.
// The code fields and the segment memo are in coding-loop.e2e.ts.

let browser: Browser;
let app: App;
let page: Page;

const call = <M extends MethodName>(method: M, input: Input<M>) => callApi(app, method, input);

beforeAll(async () => {
  const path = join(tempDir(), 'typing.fieldcode');
  const p = newProject(path, { codebook: 'nssp', coder: 'Amina' });
  await importFiles(p, [{ name: 'Focus group Kisumu.txt', bytes: new TextEncoder().encode('Mrs Achieng: We planned the lesson together.\nMr Banda: Yes.') }]);
  const kisumu = createCase(p, 'Kisumu Primary');
  setCaseAttribute(p, kisumu.id, 'continent', 'Africa');
  createCase(p, 'Leeds High');
  saveMemo(p, { target: 'case', targetId: kisumu.id, title: 'Case notes', body: '' });
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

const status = () => page.getByTestId('saved-indicator').getAttribute('data-status');
const view = async (name: string) => {
  await page.getByRole('tab', { name, exact: true }).click();
  await (name === 'Code' ? page.getByTestId('transcript') : page.getByRole('heading', { level: 1, name })).waitFor();
};

/** Types like a researcher, checks the bar says "Saving…", then reloads 0.6 s after the last key. */
async function typeThenReload(text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 15 });
  expect(await status()).toBe('saving');
  await page.waitForTimeout(600);
  await page.reload();
  await page.getByTestId('transcript').waitFor();
}

describe('reload while typing (Chromium, browser mode)', () => {
  it('keeps every character of project, document, code and case memos', async () => {
    const memoBody = page.locator('.memo-editor textarea');
    const cases: [string, () => Promise<void>, string][] = [
      ['project', () => page.getByRole('button', { name: 'New project memo' }).click(), 'The partnership started with letters'],
      ['document', () => page.getByRole('button', { name: /^New memo on “Focus group Kisumu”/ }).click(), 'Mrs Achieng leads the talk'],
      [
        'code',
        async () => {
          await view('Code');
          await page.locator('[data-testid="code-item"][data-path="Teachers/Skills/ICT skills"]').click();
          await view('Memos');
          await page.getByRole('button', { name: /^New memo on code “ICT skills”/ }).click();
        },
        'Only two teachers mention ICT',
      ],
      ['case', () => page.getByRole('button', { name: /^Case notes/ }).click(), 'A rural school near the lake 📚'],
    ];
    for (const [target, open, text] of cases) {
      await view('Memos');
      await open();
      await memoBody.click();
      await typeThenReload(text);
      await expect.poll(async () => (await call('memos.list', {})).filter((m) => m.target === target).map((m) => m.body)).toEqual([text]);
    }
    expect(await status()).toBe('saved');
  });

  it('keeps every character of a case name, an attribute name and an attribute cell', async () => {
    const cell = (label: string) => page.getByRole('textbox', { name: label, exact: true });
    const fields: [string, string, () => Promise<unknown>][] = [
      ['Name of case Leeds High', ' Grammar School', async () => (await call('cases.list', {})).map((c) => c.name)],
      ['continent of Kisumu Primary', ' (East)', async () => (await call('cases.list', {})).find((c) => c.name === 'Kisumu Primary')?.attributes],
      ['Name of attribute continent', ' of the school', async () => (await call('cases.attributes', {})).map((a) => a.name)],
    ];
    const expected = [['Kisumu Primary', 'Leeds High Grammar School'], { continent: 'Africa (East)' }, ['continent of the school']];
    for (const [i, [label, typed, stored]] of fields.entries()) {
      await view('Cases');
      await cell(label).click();
      await page.keyboard.press('End');
      await typeThenReload(typed);
      await expect.poll(stored).toEqual(expected[i]);
    }
    // The cell being typed in keeps the focus and the caret through its saves.
    await view('Cases');
    const name = cell('Name of case Kisumu Primary');
    await name.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' School', { delay: 15 });
    await page.waitForTimeout(600);
    await expect.poll(async () => (await call('cases.list', {})).map((c) => c.name)).toContain('Kisumu Primary School');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('s', { delay: 15 });
    await page.waitForTimeout(600);
    await expect.poll(async () => (await call('cases.list', {})).map((c) => c.name)).toContain('Kisumu Primary Schoosl');
    expect(await status()).toBe('saved');
  });
});
