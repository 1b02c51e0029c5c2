import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closeProject } from '../../electron/store/db';
import { importFocusGroup } from '../helpers/corpus';
import { tempDir, tempProject } from '../helpers/temp';

// `fieldcode --version` and `info` must start at once (DESIGN.md: ≤ 2× `node -e 0`,
// measured by `npm run bench`). What keeps them fast is that the bundle loads, at
// start, nothing but commander: SQLite, zod and the format libraries (exceljs, docx,
// fflate, fast-xml-parser, chardet…) are imported by the commands that use them.

const root = join(import.meta.dirname, '..', '..');

/** The packages the built CLI imports before any command runs (its static import graph). */
function loadedAtStart(): string[] {
  const out = join(root, 'build', 'out');
  const entry = join(out, readFileSync(join(out, 'cli.current'), 'utf8').trim(), 'cli.mjs');
  const seen = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(?:[^'"]*?from\s+)?["']([^"']+)["']/gms)) {
      if (m[1].startsWith('.')) walk(join(dirname(file), m[1]));
      else packages.add(m[1]);
    }
  };
  walk(entry);
  return [...packages].filter((p) => !p.startsWith('node:')).sort();
}

describe('the fieldcode command starts at once', () => {
  it('loads only commander before a command runs', () => {
    const r = spawnSync(process.execPath, [join(root, 'build', 'fieldcode.mjs'), '--version'], { encoding: 'utf8' });
    expect(r.stdout).toBe(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
    expect(loadedAtStart()).toEqual(['commander']);
  });
});

/** What a real `fieldcode …` process loads: its packages, and the source files bundled into the chunks it read. */
function loadedBy(...args: string[]): { packages: string[]; sources: string[] } {
  const log = join(tempDir(), 'loaded.txt');
  const r = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'loaded-modules.mjs'), join(root, 'build', 'fieldcode.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, FIELDCODE_LOADED: log },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const urls = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
  const packages = new Set<string>();
  const sources = new Set<string>();
  for (const url of urls) {
    const path = url.startsWith('file:') ? fileURLToPath(url) : url;
    const pkg = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path);
    if (pkg) packages.add(pkg[1]);
    // esbuild heads each bundled source with its path as a comment.
    else if (/[\\/]build[\\/]out[\\/]cli-/.test(path))
      for (const m of readFileSync(path, 'utf8').matchAll(/^\/\/ ((?:electron|shared)\/\S+)$/gm)) sources.add(m[1]);
  }
  return { packages: [...packages].sort(), sources: [...sources].sort() };
}

describe('fieldcode info starts at once', () => {
  it('loads SQLite and the store, and no format library, codebook or report', async () => {
    const p = tempProject();
    await importFocusGroup(p);
    const path = p.path;
    closeProject(p);
    const { packages, sources } = loadedBy('info', path);
    expect(packages).toEqual(['better-sqlite3', 'commander']);
    expect(sources).toContain('electron/store/db.ts');
    expect(sources.filter((s) => /^electron\/(formats|refi|team|analysis)\/|^shared\/codebooks\/nssp/.test(s))).toEqual([]);
  });
});
