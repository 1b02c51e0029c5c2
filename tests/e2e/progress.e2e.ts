import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProject, closeProject } from '../../electron/project/project';
import { launchBrowser, screenshot, startApp, type App } from './helpers';

// Progress and Cancel in real Chromium through the bridge: a large import shows
// the file being read, Cancel stops it, the dialog says nothing was changed, and
// the project indeed holds no new document.

let browser: Browser;
let app: App;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const dir = join(process.env.TMPDIR ?? '/tmp', `fieldcode-progress-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const projectPath = join(dir, 'study.fieldcode');
  closeProject(newProject(projectPath, { coder: 'Amina', codebook: 'nssp' }));
  app = await startApp(projectPath);
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Many real transcripts, so the import takes long enough to be cancelled half-way. */
function transcripts(count: number, batch: string): string[] {
  const folder = join(app.dir, `transcripts ${batch}`);
  mkdirSync(folder, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const turns = Array.from(
      { length: 120 },
      (_, t) => `${t % 2 ? 'Teacher' : 'Interviewer'}: In school ${batch}${i} we talked about the partnership, turn ${t}, letters, visits and lessons.`,
    );
    const path = join(folder, `${batch} Interview ${String(i).padStart(3, '0')}.txt`);
    writeFileSync(path, `${turns.join('\n')}\n`);
    return path;
  });
}

const documents = () => (app.bridge.session.project!.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;

async function openImport(files: string[]): Promise<void> {
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-dialog').waitFor();
  await page.getByTestId('import-file-input').setInputFiles(files);
}

describe('progress and cancel (Chromium, browser mode)', () => {
  it('cancels a large import from the dialog: “Cancelled — nothing was changed”, and nothing was', async () => {
    await page.goto(app.bridge.url);
    await page.getByTestId('import-button').waitFor();
    const before = documents();
    await openImport(transcripts(600, 'A'));
    await page.getByTestId('import-start').click();
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor();
    await screenshot(page, 'progress-import-running');
    // Pressed while the files are still on their way or being read: the core stops at its next check.
    await page.getByTestId('import-operation').getByRole('button', { name: 'Cancel' }).click();
    const status = page.getByTestId('import-dialog').getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('Cancelled — nothing was changed');
    await screenshot(page, 'progress-import-cancelled');
    expect(documents()).toBe(before);
    expect(await page.getByTestId('import-results').count()).toBe(0);
    // The focus is back inside the dialog (on Close), so Esc closes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('import-dialog').count()).toBe(0);
    expect(await page.getByTestId('doc-item').count()).toBe(before);
  });

  it('cancels a large import while it writes: the transaction rolls back and nothing was changed', async () => {
    const before = documents();
    await openImport(transcripts(600, 'C'));
    // Pressed from the page the moment the core reports its third document written,
    // i.e. inside the import's one transaction (a click from the test process would
    // arrive a round trip later, when a fast machine may have committed already).
    const pressedAt = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const seen = new MutationObserver(() => {
            const text = document.querySelector('[role="progressbar"][aria-label="Import progress"]')?.getAttribute('aria-valuetext') ?? '';
            const written = Number(/^Writing (\d+) of/.exec(text)?.[1] ?? 0);
            if (written < 3) return;
            seen.disconnect();
            const cancel = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="import-operation"] button')].find((b) => b.textContent === 'Cancel');
            cancel!.click();
            resolve(text);
          });
          seen.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuetext'] });
        }),
    );
    await page.getByTestId('import-start').click();
    const pressed = await pressedAt;
    const status = page.getByTestId('import-dialog').getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('Cancelled — nothing was changed');
    // The write had begun (the core had written documents inside its transaction), and none stayed.
    expect(Number(/^Writing (\d+) of 600/.exec(pressed)?.[1])).toBeGreaterThanOrEqual(3);
    expect(documents()).toBe(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('import-dialog').count()).toBe(0);
  });

  it('shows the core’s progress file by file while a large import runs', async () => {
    await openImport(transcripts(600, 'B'));
    // Every text the progress bar gives screen readers, recorded in the page as it changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[role="progressbar"][aria-label="Import progress"]')?.getAttribute('aria-valuetext');
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuetext'] });
    });
    await page.getByTestId('import-start').click();
    const status = page.getByTestId('import-dialog').getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe('Finished: 600 of 600 files');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    // The core's own events, file by file: reading and writing each name the file at hand. Reading
    // can pass within a frame or two of a busy page (the files were just read into it), so the two
    // stages are checked together; each stage's counts only go up.
    const core = seen.filter((t) => /^(Reading|Writing) \d+ of 600: B Interview \d{3}\.txt$/.test(t));
    expect(core.length).toBeGreaterThan(1);
    for (const stage of ['Reading', 'Writing']) {
      const counts = core.filter((t) => t.startsWith(stage)).map((t) => Number(/ (\d+) of/.exec(t)![1]));
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    }
    // The writes are one stepped transaction: their events reach the page while it runs.
    expect(seen.filter((t) => /^Writing \d+ of 600/.test(t)).length).toBeGreaterThan(1);
    const firstWriting = seen.findIndex((t) => t.startsWith('Writing'));
    expect(seen.slice(firstWriting).some((t) => t.startsWith('Reading') || t.startsWith('Preparing'))).toBe(false);
    expect(documents()).toBe(600);
    await page.keyboard.press('Escape');
  });
});
