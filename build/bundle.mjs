// Browser mode's server as an esbuild bundle, rebuilt first whenever a source is
// newer (so it never runs stale code). Running the bundle instead of the sources
// through tsx starts faster and keeps no transpiler in the server's memory.
// Each build gets its own folder; the pointer naming it is written aside and
// renamed, so two servers starting at once never read half a bundle.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newest } from './newest.mjs';

/** The modules of bundle `name` (entry name → source file), each imported from a fresh build. */
export async function loadBundle(root, name, entryPoints) {
  const outDir = join(root, 'build', 'out');
  const pointer = join(outDir, `${name}.current`);
  const current = () => {
    try {
      return readFileSync(pointer, 'utf8').trim();
    } catch {
      return null;
    }
  };
  const sources = Math.max(newest(join(root, 'electron')), newest(join(root, 'shared')), statSync(join(root, 'package.json')).mtimeMs);
  let folder = current();
  if (!folder || !existsSync(join(outDir, folder)) || statSync(join(outDir, folder)).mtimeMs < sources) {
    const { build } = await import('esbuild');
    mkdirSync(outDir, { recursive: true });
    const previous = folder;
    folder = `${name}-${Date.now().toString(36)}-${process.pid}`;
    await build({
      entryPoints,
      outdir: join(outDir, folder),
      bundle: true,
      splitting: true,
      outExtension: { '.js': '.mjs' },
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
    const tmp = `${pointer}.${process.pid}.tmp`;
    writeFileSync(tmp, folder);
    renameSync(tmp, pointer);
    // Builds older than the one just replaced are no longer read by anyone starting now.
    for (const d of readdirSync(outDir)) {
      if (d.startsWith(`${name}-`) && d !== folder && d !== previous) rmSync(join(outDir, d), { recursive: true, force: true });
    }
  }
  const modules = {};
  for (const entry of Object.keys(entryPoints)) modules[entry] = await import(pathToFileURL(join(outDir, folder, `${entry}.mjs`)).href);
  return modules;
}
