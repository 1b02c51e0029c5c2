#!/usr/bin/env node
// The `fieldcode` command (package.json bin). It runs electron/cli/cli.ts bundled by
// esbuild (starts in a fraction of a second), rebuilding the bundle first whenever a
// source file is newer, so it never runs stale code. The CLI itself prints errors
// as one line. The bundle is split: what only some commands use (the format
// libraries behind import, export and reports) sits in chunks loaded by those
// commands, so `fieldcode --version` or `info` start at once.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newest } from './newest.mjs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'build', 'out');
const entry = join(outDir, 'cli.mjs');

/** The chunk folder the entry points at (one line: `export * from './cli-…/cli.mjs'`). */
function current() {
  try {
    return /\.\/(cli-[\w-]+)\//.exec(readFileSync(entry, 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

async function rebuild() {
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  // Each build gets its own folder; the entry is written aside and renamed, so
  // several commands starting at once never read half a bundle.
  const name = `cli-${Date.now().toString(36)}-${process.pid}`;
  await build({
    entryPoints: { cli: join(root, 'electron', 'cli', 'cli.ts') },
    outdir: join(outDir, name),
    bundle: true,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  const previous = current();
  const tmp = `${entry}.${process.pid}.tmp`;
  writeFileSync(tmp, `export * from './${name}/cli.mjs';\n`);
  renameSync(tmp, entry);
  // Builds older than the one just replaced are no longer read by anyone starting now.
  for (const d of readdirSync(outDir)) {
    if (d.startsWith('cli-') && d !== name && d !== previous) rmSync(join(outDir, d), { recursive: true, force: true });
  }
}

const chunks = current();
const sources = Math.max(newest(join(root, 'electron')), newest(join(root, 'shared')), statSync(join(root, 'package.json')).mtimeMs);
if (!chunks || !existsSync(join(outDir, chunks)) || statSync(join(outDir, chunks)).mtimeMs < sources) await rebuild();
const { run, endQuietlyOnClosedPipe } = await import(pathToFileURL(entry).href);
endQuietlyOnClosedPipe();
process.exitCode = await run(process.argv.slice(2));
