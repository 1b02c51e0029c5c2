#!/usr/bin/env node
// The `fieldcode` command (package.json bin). It runs electron/cli/cli.ts bundled by
// esbuild into build/out/cli.mjs (starts in a fraction of a second), rebuilding the
// bundle first whenever a source file is newer, so it never runs stale code. The
// CLI itself prints errors as one line.
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newest } from './newest.mjs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'out', 'cli.mjs');

const sources = Math.max(newest(join(root, 'electron')), newest(join(root, 'shared')), statSync(join(root, 'package.json')).mtimeMs);
if (!existsSync(out) || statSync(out).mtimeMs < sources) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  // Written aside and renamed: several commands starting at once never read half a file.
  const tmp = `${out}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [join(root, 'electron', 'cli', 'cli.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  renameSync(tmp, out);
}
const { run, endQuietlyOnClosedPipe } = await import(pathToFileURL(out).href);
endQuietlyOnClosedPipe();
process.exitCode = await run(process.argv.slice(2));
