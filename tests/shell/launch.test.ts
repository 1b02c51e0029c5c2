import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseProject, decideLaunch, isCi, openCommand } from '../../build/launch.mjs';
import { ensureProject, openProject, closeProject } from '../../electron/project/project';
import { listCodes } from '../../electron/store/codes';

// `npm start` is never run by the tests (it would open windows or download); its
// decision is a pure function over facts about the machine, tested here.

const machine = { electron: false, nativeForElectron: false, online: true, ci: false };

describe('what npm start does', () => {
  it('opens the desktop window only where Electron and its better-sqlite3 build are both there', () => {
    expect(decideLaunch({ ...machine, electron: true, nativeForElectron: true })).toEqual({ kind: 'desktop' });
    expect(decideLaunch({ ...machine, electron: true, nativeForElectron: true, online: false, ci: true })).toEqual({ kind: 'desktop' });
  });

  it('installs what is missing, and only that, when the network is there', () => {
    expect(decideLaunch(machine)).toEqual({ kind: 'install', electron: true, nativeForElectron: true });
    expect(decideLaunch({ ...machine, electron: true })).toEqual({ kind: 'install', electron: false, nativeForElectron: true });
  });

  it('falls back to browser mode offline, in CI, or when the install failed, saying why in one line', () => {
    const offline = decideLaunch({ ...machine, online: false });
    const ci = decideLaunch({ ...machine, ci: true });
    const failed = decideLaunch({ ...machine, installFailed: 'HTTP 404' });
    for (const plan of [offline, ci, failed]) {
      expect(plan.kind).toBe('browser');
      if (plan.kind === 'browser') expect(plan.why).not.toContain('\n');
    }
    expect(offline.kind === 'browser' && offline.why).toMatch(/Electron binary is not installed.*no network/);
    expect(decideLaunch({ ...machine, electron: true, online: false })).toMatchObject({ why: expect.stringMatching(/better-sqlite3/) });
    expect(failed.kind === 'browser' && failed.why).toContain('HTTP 404');
  });

  it('treats CI and test runs as places that never download', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ VITEST: 'true' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});

describe('the project browser mode opens', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is the one named, else the last one that still exists, else a new one that overwrites nothing', () => {
    const home = mkdtempSync(join(tmpdir(), 'fc-launch-'));
    dirs.push(home);
    const kept = join(home, 'kept.fieldcode');
    writeFileSync(kept, '');
    expect(chooseProject({ arg: 'x.fieldcode', recent: [], exists: existsSync, home })).toEqual({ path: 'x.fieldcode', isNew: true });
    expect(chooseProject({ recent: [{ path: join(home, 'gone.fieldcode') }, { path: kept }], exists: existsSync, home })).toEqual({ path: kept, isNew: false });
    const fresh = chooseProject({ recent: [], exists: existsSync, home });
    expect(fresh).toEqual({ path: join(home, 'Fieldcode', 'My study.fieldcode'), isNew: true });
    const taken = new Set([fresh.path]);
    expect(chooseProject({ recent: [], exists: (p) => taken.has(p), home }).path).toBe(join(home, 'Fieldcode', 'My study 2.fieldcode'));
  });

  it('is created with the NSSP codebook when it does not exist, and left alone when it does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-ensure-'));
    dirs.push(dir);
    const path = join(dir, 'new folder', 'my-study.fieldcode');
    expect(ensureProject(path)).toBe(true);
    const p = openProject(path);
    const codes = listCodes(p).length;
    closeProject(p);
    expect(codes).toBeGreaterThan(20);
    expect(ensureProject(path)).toBe(false);
  });

  it('opens in the system browser with the platform’s own command', () => {
    const url = 'http://127.0.0.1:5/?token=a&b';
    expect(openCommand('linux', url)).toEqual({ file: 'xdg-open', args: [url] });
    expect(openCommand('darwin', url)).toEqual({ file: 'open', args: [url] });
    expect(openCommand('win32', url)).toEqual({ file: 'cmd', args: ['/c', 'start', '""', 'http://127.0.0.1:5/?token=a^&b'] });
  });
});
