import { join } from 'node:path';
import { createCode } from '../../electron/codebook/codebook';
import { importFiles } from '../../electron/documents/import';
import { newProject } from '../../electron/project/project';
import { ensureCoder } from '../../electron/store/coders';
import type { Project } from '../../electron/store/db';
import { insertSegment } from '../../electron/store/segments';
import { tempDir, track } from '../helpers/temp';

// A hand-made project whose agreement figures are worked out by hand.

/** 100 characters, no speaker labels: one paragraph, one turn. */
export const PLAIN = 'The partnership began in 2007 when a teacher from Mbale visited. Students wrote letters about rain.!';
/** Four speaker turns. */
export const TURNS =
  'Facilitator: What changed?\nTeacher 1: We plan lessons together.\nTeacher 2: I teach with fewer resources.\nFacilitator: And the students?\n';

export async function handMade(texts: Record<string, string> = { 'Plain.txt': PLAIN, 'Turns.txt': TURNS }) {
  const p = track(newProject(join(tempDir(), 'agreement.fieldcode'), { codebook: 'empty', coder: 'Lead' }));
  const r = await importFiles(
    p,
    Object.entries(texts).map(([name, t]) => ({ name, bytes: new TextEncoder().encode(t) })),
  );
  const doc = Object.fromEntries(r.imported.map((d) => [d.name, d.documentId]));
  const x = createCode(p, { name: 'X' });
  const y = createCode(p, { name: 'Y' });
  const coders = { A: ensureCoder(p, 'Ana').id, B: ensureCoder(p, 'Ben').id, C: ensureCoder(p, 'Cai').id };
  return { p, doc, x: x.id, y: y.id, coders };
}

let coded = 0;
/** One coder's segment written straight into the store (agreement tests build exact codings, not actions). */
export function code(p: Project, documentId: string, codeId: string, coderId: string, start: number, end: number): string {
  const now = p.now();
  const id = `seg-${++coded}`;
  insertSegment(p, {
    id,
    document_id: documentId,
    code_id: codeId,
    coder_id: coderId,
    start,
    end,
    memo: '',
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  return id;
}
