// What `npm start` does, decided from facts about the machine so it can be tested
// in Node without starting anything: the desktop window where Electron can run,
// Electron's own installer where it is missing and the network is there, and
// browser mode otherwise — `npm start` always ends in a running Fieldcode.
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * @typedef {{ electron: boolean, nativeForElectron: boolean, online: boolean,
 *             ci: boolean, installFailed?: string | null }} Machine
 * @typedef {{ kind: 'desktop' }
 *         | { kind: 'install', electron: boolean, nativeForElectron: boolean }
 *         | { kind: 'browser', why: string }} Launch
 */

/** @param {Machine} m @returns {Launch} */
export function decideLaunch(m) {
  if (m.electron && m.nativeForElectron) return { kind: 'desktop' };
  if (m.installFailed) return { kind: 'browser', why: `the desktop window could not be set up (${m.installFailed}), so Fieldcode opens in your browser.` };
  // CI and test runs never download: they must not wait on a network.
  if (m.ci) return { kind: 'browser', why: 'this is a CI run, where nothing is downloaded, so Fieldcode opens in your browser.' };
  if (!m.online) {
    const missing = m.electron ? 'better-sqlite3 is not built for Electron' : 'the Electron binary is not installed';
    return { kind: 'browser', why: `${missing} and there is no network to fetch it, so Fieldcode opens in your browser.` };
  }
  return { kind: 'install', electron: !m.electron, nativeForElectron: !m.nativeForElectron };
}

/** Whether this environment is a CI or test run (never download or open windows there). */
export function isCi(env) {
  return ['CI', 'VITEST', 'FIELDCODE_NO_INSTALL'].some((k) => env[k] && env[k] !== '0' && env[k] !== 'false');
}

/**
 * The project browser mode opens: the one named on the command line, else the last
 * one opened that still exists, else a new one in the Fieldcode folder.
 * @param {{ arg?: string, recent: { path: string }[], exists: (p: string) => boolean, home?: string }} o
 * @returns {{ path: string, isNew: boolean }}
 */
export function chooseProject(o) {
  if (o.arg) return { path: o.arg, isNew: !o.exists(o.arg) };
  const last = o.recent.find((r) => typeof r.path === 'string' && o.exists(r.path));
  if (last) return { path: last.path, isNew: false };
  const folder = join(o.home ?? homedir(), 'Fieldcode');
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? 'My study.fieldcode' : `My study ${n}.fieldcode`);
    if (!o.exists(path)) return { path, isNew: true };
  }
}

/** The command that opens a URL in the system's default browser. */
export function openCommand(platform, url) {
  if (platform === 'darwin') return { file: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title.
  if (platform === 'win32') return { file: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { file: 'xdg-open', args: [url] };
}
