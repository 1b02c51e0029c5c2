import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName } from '../../shared/api';
import { importFiles } from '../../electron/documents/import';
import { newProject } from '../../electron/project/project';
import { closeProject } from '../../electron/store/db';
import { tempDir } from '../helpers/temp';
import { callApi, launchBrowser, screenshot, startApp, type App } from './helpers';

// The coding loop a researcher repeats all day, in Debian's Chromium through browser
// mode (issue #10): where new codes go, what the number keys apply, typed text that
// survives a reload, refusals said next to the field, the keyboard alone, mixed
// Urdu/English paragraphs, and the small surprises (double-click, Delete, reload).

const TURNS = 24;
const ENGLISH = (i: number) =>
  `We planned lesson ${i} together with the partner school. The pupils wrote letters about their village. Then the teachers compared the replies in class.`;
const URDU = 'ہم نے بچوں سے بات کی۔ یہ اچھا ہے 📚';
const TRANSCRIPT = [
  ...Array.from({ length: TURNS }, (_, i) => `${i % 2 ? 'Mr Banda' : 'Mrs Achieng'}: ${ENGLISH(i + 1)}`),
  `Mrs Achieng: ${URDU}`,
  'Mr Banda: We visited Lahore. ہم نے دیکھا کہ سکول بڑا ہے۔ It was a long trip 😊.',
].join('\n');

let browser: Browser;
let app: App;
let page: Page;

const call = <M extends MethodName>(method: M, input: Input<M>) => callApi(app, method, input);

beforeAll(async () => {
  const path = join(tempDir(), 'loop.fieldcode');
  const p = newProject(path, { codebook: 'nssp', coder: 'Amina' });
  await importFiles(p, [{ name: 'Focus group Kisumu.txt', bytes: new TextEncoder().encode(TRANSCRIPT) }]);
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

const docId = async () => (await call('documents.list', {}))[0].id;
const mine = async () => call('segments.list', { documentId: await docId() });
const codeRow = (path: string) => page.locator(`[data-testid="code-item"][data-path="${path}"]`);
const selectedText = () => page.locator('.turn-text .selected').evaluateAll((els) => els.map((e) => e.textContent).join(''));
const status = () => page.getByTestId('saved-indicator').getAttribute('data-status');

/** Focuses the transcript by keyboard alone, from wherever the focus is. */
async function tabToTranscript(): Promise<number> {
  for (let i = 1; i <= 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'transcript')) return i;
  }
  throw new Error('the transcript is not reachable by Tab');
}

/** Selects `words` words of the n-th paragraph, starting after `skip` words, by keyboard. */
async function selectByKeys(n: number, skip: number, words: number): Promise<string> {
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < n; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < skip; i++) await page.keyboard.press('Control+ArrowRight');
  if (skip) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < words; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  return selectedText();
}

describe('the coding loop (Chromium, browser mode)', () => {
  it('puts new codes at the top level, in an "In vivo" group, or under the parent typed in the palette — never under the code last looked at', async () => {
    await codeRow('Teachers/Skills/teaching skills').click(); // looking: no selection, so nothing is applied
    await expect.poll(() => page.locator('.inspector [data-testid="code-name"]').inputValue()).toBe('teaching skills');
    expect((await mine()).length).toBe(0);
    await tabToTranscript();
    await selectByKeys(0, 0, 3);
    await page.keyboard.press('Control+i');
    await expect.poll(() => codeRow('In vivo/We planned lesson').count()).toBe(1);
    await selectByKeys(1, 3, 2);
    await page.keyboard.press('Control+i');
    await expect.poll(() => page.locator('[data-testid="code-item"][data-path^="In vivo/"]').count()).toBe(2);
    expect(await page.locator('[data-testid="code-item"][data-path*="We planned lesson/"]').count()).toBe(0);

    await selectByKeys(2, 0, 2);
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('Peer talk');
    await expect.poll(() => page.getByTestId('palette').getByRole('option').last().textContent()).toBe('Create code “Peer talk” at the top level and apply it');
    await page.getByTestId('palette-input').fill('Teachers / Skills / Peer talk');
    await expect
      .poll(() => page.getByTestId('palette').getByRole('option').last().textContent())
      .toBe('Create code “Peer talk” under Teachers › Skills and apply it');
    await page.keyboard.press('End');
    await page.getByTestId('palette').getByRole('option').last().click();
    await expect.poll(() => codeRow('Teachers/Skills/Peer talk').count()).toBe(1);
    // The palette gave the focus back to the transcript, with the selection kept.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('transcript');
    expect(await selectedText()).toBe('We planned');
  });

  it('keeps the selection after applying, so a second code goes on the same passage; Esc clears it', async () => {
    await selectByKeys(3, 2, 3);
    const quote = await selectedText();
    await codeRow('Teachers/Skills/leadership skills').click();
    await codeRow('Teachers/Skills/creativity').click();
    const { text } = await call('documents.get', { id: await docId() });
    await expect.poll(async () => (await mine()).filter((s) => text.slice(s.start, s.end) === quote).length).toBe(2);
    expect(await selectedText()).toBe(quote);
    await page.keyboard.press('Escape');
    expect(await page.locator('.turn-text .selected').count()).toBe(0);
  });

  it('applies with 1–9 exactly the code whose key badge shows the number, kept in the project for a new browser session', async () => {
    expect(await page.getByTestId('key-badge').count()).toBe(0); // no key holds a code the coder did not put there
    for (const path of ['Teachers/Skills/ICT skills', 'Teachers/Pedagogic changes/lesson planning']) {
      await codeRow(path).hover();
      await codeRow(path)
        .getByRole('button', { name: /on a number key/ })
        .click();
    }
    await expect.poll(() => codeRow('Teachers/Pedagogic changes/lesson planning').getByTestId('key-badge').textContent()).toBe('2');
    await page.getByTestId('transcript').focus();
    await selectByKeys(4, 1, 2);
    await page.keyboard.press('2');
    const planning = (await call('codes.list', {})).find((c) => c.path === 'Teachers/Pedagogic changes/lesson planning')!;
    await expect.poll(async () => (await mine()).filter((s) => s.codeId === planning.id).length).toBe(1);
    // Another browser session (as after a restart on a new port): the same keys.
    const other = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await other.goto(app.bridge.url);
    await other.locator('[data-testid="code-item"][data-path="Teachers/Skills/ICT skills"] [data-testid="key-badge"]').waitFor();
    expect(await other.locator('[data-testid="code-item"][data-path="Teachers/Skills/ICT skills"] [data-testid="key-badge"]').textContent()).toBe('1');
    await other.close();
  });

  it('keeps every character typed in each text field when the page reloads 0.6 s after the last key', async () => {
    const fields: [string, string][] = [
      ['code-definition', 'Talk between teachers about their own lessons, first draft'],
      ['code-when', 'When a teacher says how a partner changed their planning'],
      ['code-when-not', 'Not for pupils talking with pupils'],
      ['code-name', 'Peer talk among staff'],
    ];
    for (const [testId, text] of fields) {
      await page.getByTestId('transcript').focus();
      await page.keyboard.press('Escape');
      await codeRow(testId === 'code-name' ? 'Teachers/Skills/Peer talk' : 'Teachers/Skills/Peer talk')
        .first()
        .click();
      const field = page.locator(`.inspector [data-testid="${testId}"]`);
      await field.click();
      await field.press('Control+a');
      await field.pressSequentially(text, { delay: 15 });
      expect(await status()).toBe('saving');
      await page.waitForTimeout(600);
      await page.reload();
      await page.getByTestId('transcript').waitFor();
      const path = testId === 'code-name' ? 'Teachers/Skills/Peer talk among staff' : 'Teachers/Skills/Peer talk';
      await codeRow(path).click();
      expect(await page.locator(`.inspector [data-testid="${testId}"]`).inputValue()).toBe(text);
    }
    // The segment memo: open the coding at the caret with Enter, M writes its memo.
    await tabToTranscript();
    await selectByKeys(4, 1, 1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('m');
    await page.keyboard.type('Planning together came up again', { delay: 15 });
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByTestId('transcript').waitFor();
    await expect.poll(async () => (await mine()).some((s) => s.memo === 'Planning together came up again')).toBe(true);
    expect(await status()).toBe('saved');
  });

  it('says a refused code name next to the field, keeps the views reachable, and never says "Not saved" for it', async () => {
    await page.getByTestId('transcript').focus();
    await page.keyboard.press('Escape');
    await codeRow('Teachers/Skills/creativity').click();
    const name = page.locator('.inspector [data-testid="code-name"]');
    await name.fill('x'.repeat(201));
    await expect.poll(() => page.locator('.inspector .field-problem').textContent()).toMatch(/at most 200 characters/);
    await name.fill('creativity/imagination');
    await expect.poll(() => page.locator('.inspector .field-problem').textContent()).toMatch(/cannot contain “\/”/);
    await name.blur();
    await page.waitForTimeout(600);
    expect(await status()).toBe('saved');
    expect(await page.locator('.problem').count()).toBe(0);
    await page.getByRole('tab', { name: 'Search' }).click(); // nothing covers the view tabs
    await page.getByRole('tab', { name: 'Code', exact: true }).click();
    expect((await call('codes.list', {})).some((c) => c.path === 'Teachers/Skills/creativity')).toBe(true);
  });

  it('removes two overlapping codings picked together after naming them, with Cancel focused; double-click with a selection does not rename', async () => {
    await page.getByTestId('transcript').focus();
    await selectByKeys(3, 2, 3);
    await codeRow('Teachers/Skills/leadership skills').dblclick();
    expect(await page.locator('.code-tree input.rename').count()).toBe(0);
    await page.keyboard.press('Escape');
    const before = (await mine()).length;
    // a click inside the passage coded twice picks both codings
    const seg = (await mine())
      .filter((s) => s.end - s.start > 5)
      .find((s, _i, all) => all.some((t) => t.id !== s.id && t.start === s.start && t.end === s.end))!;
    await page.locator(`.turn-text span[data-start="${seg.start}"]`).first().click();
    await expect.poll(() => page.getByTestId('segment-card').count()).toBe(2);
    await page.keyboard.press('Delete');
    await page.getByRole('alertdialog').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-cancel');
    await page.getByTestId('confirm-action').click();
    await expect.poll(async () => (await mine()).length).toBe(before - 2);
  });

  it('lays out each paragraph by its first strong letter, with bundled Urdu and emoji fonts', async () => {
    await page.getByTestId('transcript').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => page.locator('[data-testid="turn-text"]').last().textContent()).toMatch(/Lahore/);
    const last = await page.locator('[data-testid="turn-text"]').evaluateAll((els) => els.slice(-2).map((e) => getComputedStyle(e).direction));
    expect(last).toEqual(['rtl', 'ltr']);
    // The bundled fonts load from the app itself (font-src 'self').
    const fonts = await page.evaluate(async () =>
      Promise.all([
        document.fonts.load('16px "Noto Nastaliq Urdu"', 'ہے'),
        document.fonts.load('16px "Noto Naskh Arabic"', 'ہے'),
        document.fonts.load('16px "Noto Color Emoji"', '📚'),
      ]).then((f) => f.map((x) => x.length)),
    );
    expect(fonts.every((n) => n > 0)).toBe(true);
    await screenshot(page, 'loop-urdu-1440');
  });

  it('reopens the last document at its scroll position after a reload', async () => {
    await page.getByTestId('transcript').evaluate((el) => (el.scrollTop = 600));
    await page.waitForTimeout(800);
    await page.reload();
    await page.getByTestId('transcript').waitFor();
    await expect.poll(() => page.getByTestId('transcript').evaluate((el) => Math.round(el.scrollTop))).toBeGreaterThan(500);
  });

  it('a keyboard-only session: thirty passages of chosen extent, two recoded and two removed, a memo, all there after a reload', async () => {
    await page.reload();
    await page.getByTestId('transcript').waitFor();
    const before = (await mine()).length;
    const tabs = await tabToTranscript();
    expect(tabs).toBeLessThan(25);
    const quotes: string[] = [];
    for (let i = 0; i < 30; i++) {
      const quote = await selectByKeys(i % TURNS, i < TURNS ? 4 + (i % 5) : 14, 2 + (i % 3));
      quotes.push(quote);
      await page.keyboard.press(String(1 + (i % 2)));
      await page.keyboard.press('Escape');
    }
    await expect.poll(async () => (await mine()).length).toBe(before + 30);
    const coded = await mine();
    const { text } = await call('documents.get', { id: await docId() });
    for (const q of quotes) expect(coded.some((s) => text.slice(s.start, s.end) === q)).toBe(true);
    expect(quotes.every((q) => q.split(' ').length < 6)).toBe(true); // chosen extents, not whole turns

    // Recode two: caret into the passage, Enter opens its coding, R recodes it.
    for (const n of [0, 1]) {
      await selectByKeys(n, 4 + n + 1, 0);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.keyboard.press('r');
      await page.getByTestId('palette-input').fill('behaviour management');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('transcript');
    }
    const behaviour = (await call('codes.list', {})).find((c) => c.name === 'behaviour management')!;
    await expect.poll(async () => (await mine()).filter((s) => s.codeId === behaviour.id).length).toBe(2);
    // Remove two.
    for (const n of [2, 3]) {
      await selectByKeys(n, 4 + n + 1, 0);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Delete');
    }
    await expect.poll(async () => (await mine()).length).toBe(before + 28);
    // A memo on the fifth passage.
    await selectByKeys(4, 4 + 4 + 1, 0);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.press('m');
    await page.keyboard.type('Said twice in this turn', { delay: 10 });
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('transcript');
    await page.keyboard.press('?');
    await page.getByTestId('keys-sheet').waitFor();
    await screenshot(page, 'loop-keys-sheet');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByTestId('transcript').waitFor();
    const after = await mine();
    expect(after.length).toBe(before + 28);
    expect(after.filter((s) => s.codeId === behaviour.id).length).toBe(2);
    expect(after.some((s) => s.memo === 'Said twice in this turn')).toBe(true);
    expect(await page.locator('[data-testid="highlight"]').count()).toBeGreaterThan(10);
  }, 300_000);

  it('looks right at 1440×900 and 1280×720', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('transcript').evaluate((el) => (el.scrollTop = 0));
    await screenshot(page, 'loop-workspace-1440x900');
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'loop-workspace-1280x720');
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(sideways).toBe(false);
  });
});
