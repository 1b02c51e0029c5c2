// Builds the app: esbuild bundles the Electron main process, preload and worker into
// build/out/*.cjs; Vite builds the renderer into build/renderer/.
//   node build/build.mjs              everything
//   node build/build.mjs --renderer   the renderer only
//   node build/build.mjs --main-only  the shell only
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

async function buildShell() {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' };
  // Native and large runtime dependencies stay outside the bundle.
  const external = ['electron', 'better-sqlite3', 'exceljs', 'docx', 'fsevents'];
  await build({ ...common, entryPoints: [join(root, 'electron/shell/main.ts')], outfile: join(root, 'build/out/main.cjs'), external });
  await build({ ...common, entryPoints: [join(root, 'electron/shell/worker.ts')], outfile: join(root, 'build/out/worker.cjs'), external });
  // The sandboxed preload may only require 'electron': everything else is inlined.
  await build({ ...common, entryPoints: [join(root, 'electron/shell/preload.ts')], outfile: join(root, 'build/out/preload.cjs'), external: ['electron'] });
}

function buildRenderer() {
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(root, 'renderer/vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!args.has('--renderer')) await buildShell();
if (!args.has('--main-only')) buildRenderer();
