// `npm start`: always ends in a running Fieldcode. The desktop window where Electron
// can run; where its binary (or better-sqlite3 built for it) is missing and the
// network is there, Electron's own installer and the native build run once, with a
// progress line; otherwise browser mode opens in the system's browser, with one
// line saying why there is no desktop window. The choice is build/launch.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseProject, decideLaunch, isCi } from './launch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const nativeFile = join(root, 'build', 'native', 'electron', 'better_sqlite3.node');

/** The Electron executable, without triggering its download. */
export function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/** Whether Electron's download host answers within a few seconds. */
function online(host = 'github.com') {
  return new Promise((ok) => {
    const socket = connect({ host, port: 443, timeout: 3000 });
    const done = (v) => {
      socket.destroy();
      ok(v);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/** Runs a step with one progress line (elapsed seconds on a terminal); its output goes to a log on failure. */
function step(label, args) {
  return new Promise((ok) => {
    const started = Date.now();
    const tty = process.stdout.isTTY;
    const show = () => process.stdout.write(`\r${label}… ${Math.round((Date.now() - started) / 1000)} s`);
    if (tty) show();
    else console.log(`${label}…`);
    const timer = tty ? setInterval(show, 1000) : null;
    let log = '';
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('error', (e) => (log += String(e)));
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      if (tty) show();
      process.stdout.write(code === 0 ? ' done\n' : ' failed\n');
      ok(code === 0 ? null : (log.trim().split('\n').pop() ?? `exit ${code}`).slice(0, 160));
    });
  });
}

async function install(plan) {
  if (plan.electron) {
    const failed = await step('Installing Electron (one download, about 100 MB)', [join(dirname(require.resolve('electron/package.json')), 'install.js')]);
    if (failed) return `Electron's installer: ${failed}`;
  }
  if (plan.nativeForElectron || !existsSync(nativeFile)) {
    const failed = await step('Building better-sqlite3 for Electron (once)', [join(root, 'build', 'native-electron.mjs')]);
    if (failed) return `better-sqlite3 for Electron: ${failed}`;
  }
  return null;
}

function desktop(exe) {
  const built = spawnSync(process.execPath, [join(root, 'build/build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const child = spawn(exe, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function recentProjects() {
  try {
    const list = JSON.parse(readFileSync(join(homedir(), '.fieldcode', 'recent.json'), 'utf8'));
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function browser(why) {
  console.log(`No desktop window: ${why}`);
  const arg = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const project = chooseProject({ arg, recent: recentProjects(), exists: existsSync });
  const child = spawn(process.execPath, [join(root, 'build', 'serve.mjs'), project.path, '--open'], { stdio: 'inherit' });
  const stop = (signal) => child.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

function machine(installFailed = null) {
  return { electron: !!electronBinary(), nativeForElectron: existsSync(nativeFile), ci: isCi(process.env), online: true, installFailed };
}

let plan = decideLaunch(machine());
// Only ask the network when an install would follow.
if (plan.kind === 'install' && !(await online())) plan = decideLaunch({ ...machine(), online: false });
if (plan.kind === 'install') {
  const failed = await install(plan);
  plan = decideLaunch(machine(failed));
  if (plan.kind === 'install') plan = decideLaunch(machine('it finished without a working Electron'));
}
const exe = electronBinary();
if (plan.kind === 'desktop' && exe) desktop(exe);
else browser(plan.kind === 'browser' ? plan.why : 'Electron could not be found, so Fieldcode opens in your browser.');
