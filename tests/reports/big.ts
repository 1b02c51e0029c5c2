import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCaseSheet } from '../../electron/cases/cases';
import { importFiles } from '../../electron/documents/import';
import { newProject } from '../../electron/project/project';
import { listCases } from '../../electron/store/cases';
import { ensureCoder } from '../../electron/store/coders';
import type { Project } from '../../electron/store/db';
import { rng } from '../bench/corpus';

// NSSP-scale coding for the export budgets: 10 coders × 5,000 segments spread
// over the project's documents and leaf codes, written as raw rows in one
// transaction (the coding service's checks are not what is being measured).

export const BIG_SEGMENTS = 50_000;

export function addSyntheticSegments(p: Project, count = BIG_SEGMENTS, coders = 10, seed = 7): number {
  const rand = rng(seed);
  const docs = p.db.prepare('SELECT id, chars FROM documents WHERE deleted_at IS NULL ORDER BY id').all() as { id: string; chars: number }[];
  const leaves = p.db
    .prepare(
      'SELECT id FROM codes c WHERE deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM codes k WHERE k.parent_id = c.id AND k.deleted_at IS NULL) ORDER BY id',
    )
    .pluck()
    .all() as string[];
  if (docs.length === 0 || leaves.length === 0) throw new Error('the project needs documents and codes');
  const coderIds = Array.from({ length: coders }, (_, i) => ensureCoder(p, `Coder ${i + 1}`).id);
  const insert = p.db.prepare(
    `INSERT INTO segments (id, document_id, code_id, coder_id, start, end, memo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = p.now();
  p.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const d = docs[Math.floor(rand() * docs.length)];
      const length = Math.min(d.chars, 40 + Math.floor(rand() * 360));
      const start = Math.floor(rand() * (d.chars - length));
      const memo = i % 10 === 0 ? 'A memo on this passage, as coders sometimes write.' : '';
      insert.run(p.newId(), d.id, leaves[Math.floor(rand() * leaves.length)], coderIds[i % coders], start, start + length, memo, now, now);
    }
  })();
  return count;
}

/** A project with the NSSP codebook, the 54 schools, `documents` synthetic transcripts and 50,000 segments. */
export async function buildBigProject(path: string, documents = 60): Promise<Project> {
  const p = newProject(path, { coder: 'Lead' });
  const sheet = join(import.meta.dirname, '..', 'fixtures', 'cases', 'nssp-54-schools.csv');
  await importCaseSheet(p, 'nssp-54-schools.csv', readFileSync(sheet));
  const { makeTranscripts } = await import('../bench/corpus');
  const files = makeTranscripts().slice(0, documents);
  await importFiles(
    p,
    files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) })),
  );
  const cases = listCases(p);
  p.db.transaction(() => {
    const docs = p.db.prepare('SELECT id FROM documents ORDER BY name').pluck().all() as string[];
    const set = p.db.prepare('UPDATE documents SET case_id = ? WHERE id = ?');
    docs.forEach((id, i) => set.run(cases[Math.floor(i / 5) % cases.length].id, id));
  })();
  addSyntheticSegments(p);
  return p;
}
