import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `fieldcode --version` and `info` must start at once (DESIGN.md: ≤ 2× `node -e 0`,
// measured by `npm run bench`). What keeps them fast is that the bundle loads, at
// start, nothing but commander: SQLite, zod and the format libraries (exceljs, docx,
// fflate, fast-xml-parser, chardet…) are imported by the commands that use them.

const root = join(import.meta.dirname, '..', '..');

/** The packages the built CLI imports before any command runs (its static import graph). */
function loadedAtStart(): string[] {
  const entry = join(root, 'build', 'out', 'cli.mjs');
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
