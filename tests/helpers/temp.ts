import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { closeProject, type Project } from '../../electron/store/db';
import { newProject, type NewProjectOptions } from '../../electron/project/project';

const dirs: string[] = [];
const open: Project[] = [];

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'fieldcode-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Deterministic ids and clock for tests whose output is compared. */
export function fixedIds(prefix = '00000000-0000-4000-8000-'): () => string {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(12, '0')}`;
}

export function fixedClock(start = Date.parse('2026-01-01T00:00:00Z')): () => string {
  let t = start;
  return () => new Date((t += 1000)).toISOString();
}

/** A real project file in a temp folder (closed after the test). */
export function tempProject(opts: NewProjectOptions = {}, name = 'test.fieldcode'): Project {
  const p = newProject(join(tempDir(), name), { coder: 'Amina', ...opts });
  open.push(p);
  return p;
}

export function track(p: Project): Project {
  open.push(p);
  return p;
}

afterEach(() => {
  for (const p of open.splice(0)) closeProject(p);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
