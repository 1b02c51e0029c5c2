import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { closeProject, openProject } from '../../electron/project/project';
import { buildStudy } from '../analysis/study';
import { addSyntheticSegments } from '../reports/big';
import { launchBrowser, startApp, type App } from './helpers';

/** A copy of the 54-school NSSP study in a fresh folder, with `segments` synthetic codings by `coders` coders (long exports have work to do). */
export async function codedStudy(prefix: string, segments: number, coders: number): Promise<{ dir: string; projectPath: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const study = await buildStudy({ file: 'nssp.fieldcode' });
  closeProject(study.p);
  const projectPath = join(dir, 'nssp.fieldcode');
  copyFileSync(study.p.path, projectPath);
  const p = openProject(projectPath);
  addSyntheticSegments(p, segments, coders);
  closeProject(p);
  return { dir, projectPath };
}

/** Records in the page every text the progress bar named `label` gives screen readers, as it changes; read with `progressTexts`. */
export async function recordProgressTexts(page: Page, label: string): Promise<void> {
  await page.evaluate((label) => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => {
      const text = document.querySelector(`[role="progressbar"][aria-label="${label}"]`)?.getAttribute('aria-valuetext');
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuetext'] });
  }, label);
}

/** The texts recorded since the last call. */
export const progressTexts = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { seen: string[] }).seen.splice(0));

export interface StudyInBrowser {
  page: Page;
  app: App;
  /** the folder holding the project copy */
  dir: string;
  /** every download the page has started */
  downloads: Download[];
  /** files in the project's folder and the app's own (settings, default projects): where an export could leave one */
  files: () => string[];
  close: () => Promise<void>;
}

/** A coded study copy (as `codedStudy`) open in browser mode in Chromium at 1440×900, downloads accepted and recorded. */
export async function studyInBrowser(prefix: string, segments: number, coders: number): Promise<StudyInBrowser> {
  const browser = await launchBrowser();
  const { dir, projectPath } = await codedStudy(prefix, segments, coders);
  const app = await startApp(projectPath);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.goto(app.bridge.url);
  return {
    page,
    app,
    dir,
    downloads,
    files: () => [...readdirSync(dir), ...readdirSync(app.dir, { recursive: true })].map(String).sort(),
    close: async () => {
      await browser.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
