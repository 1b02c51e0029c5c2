// `npm run native:electron`: builds better-sqlite3 for Electron's ABI into
// build/native/electron/better_sqlite3.node, which electron/main.ts loads through
// better-sqlite3's nativeBinding option. The build in node_modules (Node's ABI, for
// tests and the CLI) is left untouched: the module is compiled in a copy.
// Needs internet once (Electron's headers); never run from install or test scripts.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electron = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'fieldcode-native-'));

// npm ships node-gyp; use it rather than fetching another.
const npmGyp = process.env.npm_execpath ? join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : '';
const gyp = existsSync(npmGyp) ? [process.execPath, npmGyp] : ['npx', '--no-install', 'node-gyp'];

try {
  cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) });
  console.log(`Building better-sqlite3 for Electron ${electron} (${process.platform}-${process.arch})…`);
  const r = spawnSync(
    gyp[0],
    [...gyp.slice(1), 'rebuild', '--release', `--target=${electron}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
    {
      cwd: work,
      stdio: 'inherit',
      env: { ...process.env, npm_config_nodedir: '' },
    },
  );
  if (r.status !== 0) {
    console.error('native:electron: the build failed (it needs internet once, for Electron’s headers).');
    process.exit(1);
  }
  const out = join(root, 'build', 'native', 'electron');
  mkdirSync(out, { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(out, 'better_sqlite3.node'));
  console.log(`Wrote ${join(out, 'better_sqlite3.node')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
