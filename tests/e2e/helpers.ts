import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBridge, type Bridge } from '../../electron/bridge';
import type { Input, MethodName, Output } from '../../shared/api';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');

/**
 * A researcher's desktop runs in a UTF-8 locale. Without one (a bare `env -i`, some
 * CI runners) Chromium cannot write a non-ASCII file name and saves every download
 * as "download", so the browser gets a UTF-8 locale when the shell has none.
 */
function utf8Locale(): NodeJS.ProcessEnv {
  const current = process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || '';
  return /utf-?8/i.test(current) ? process.env : { ...process.env, LC_ALL: 'C.UTF-8' };
}

/** Debian's Chromium; never a browser download of a test tool's own. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    env: utf8Locale(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface App {
  bridge: Bridge;
  dir: string;
  close: () => Promise<void>;
}

/** The bridge in-process on a free port over a temporary settings folder. */
export async function startApp(projectPath?: string): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldcode-e2e-'));
  const bridge = await startBridge({
    projectPath,
    staticDir: join(ROOT, 'build', 'renderer'),
    settingsFolder: join(dir, 'settings'),
    defaultFolder: join(dir, 'projects'),
  });
  return {
    bridge,
    dir,
    close: async () => {
      await bridge.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One API call to the running app, as the page makes it (token header); a refusal throws its message. */
export async function callApi<M extends MethodName>(app: App, method: M, input: Input<M>): Promise<Output<M>> {
  const res = await fetch(new URL(`api/${method}`, app.bridge.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldcode-token': app.bridge.token },
    body: JSON.stringify({ input }),
  });
  const body = (await res.json()) as { ok: boolean; result: Output<M>; error?: string };
  if (!body.ok) throw new Error(body.error);
  return body.result;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
