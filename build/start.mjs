// `npm start`: the desktop app. Where the Electron binary is missing (it is fetched
// on first use and cannot be on a machine without internet), say so and offer
// browser mode instead of failing with a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

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

const exe = electronBinary();
if (!exe) {
  const project = process.argv[2] ?? 'my-study.fieldcode';
  console.log(`The Electron binary is not installed on this machine, so the desktop window cannot open.

To install it (needs internet once):
  node node_modules/electron/install.js
and build better-sqlite3 for Electron:
  npm run native:electron

Meanwhile Fieldcode runs in your browser, with the same features:
  npm run serve -- ${project}
`);
  process.exit(1);
}

if (!existsSync(join(root, 'build', 'native', 'electron', 'better_sqlite3.node'))) {
  console.log(`better-sqlite3 has not been built for Electron yet, so the app could not open a project.

Build it once (needs internet for Electron's headers; the Node build used by the
tests and the command line stays as it is):
  npm run native:electron

Meanwhile Fieldcode runs in your browser:
  npm run serve -- ${process.argv[2] ?? 'my-study.fieldcode'}
`);
  process.exit(1);
}

const built = spawnSync(process.execPath, [join(root, 'build/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(exe, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
