import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../../electron/documents/import';
import { newProject } from '../../electron/project/project';
import { setCaseAttribute, createCase } from '../../electron/cases/cases';
import { currentCoder } from '../../electron/store/coders';
import { updateDocument } from '../../electron/store/documents';
import { openProject, type Project } from '../../electron/store/db';
import { track } from '../helpers/temp';

// Small real projects for the teamwork tests, and ways to compare them.

export const TEXTS: Record<string, string> = {
  'Interview - Headteacher.txt':
    'Interviewer: How did the partnership start?\nHeadteacher: A teacher from Mbale visited us in 2007.\nInterviewer: What did students learn?\nHeadteacher: They learnt about fair trade and the weather in Uganda.\n',
  'Focus group - Teachers.txt':
    'Facilitator: What changed in your teaching?\nMrs Achieng: We plan lessons together with our partner school in Leeds now.\nMr Otieno: I learnt to teach science with fewer resources, using the school garden.\n',
  'Student workshop A.txt':
    'Facilitator: What do you know about your partner school?\nStudent 1: They play cricket and have a big library.\nStudent 2: We wrote letters to them about our village – “café” and naïve questions!\n',
};

/** A master project with three transcripts, one case with an attribute, and the given codebook. */
export async function makeMaster(dir: string, codebook: 'nssp' | 'empty' = 'nssp', name = 'master.fieldcode'): Promise<Project> {
  const p = track(newProject(join(dir, name), { coder: 'Lead', codebook }));
  const r = await importFiles(
    p,
    Object.entries(TEXTS).map(([n, t]) => ({ name: n, bytes: new TextEncoder().encode(t) })),
  );
  if (r.imported.length !== 3) throw new Error(JSON.stringify(r));
  const school = createCase(p, 'Mbale Primary');
  setCaseAttribute(p, school.id, 'continent', 'Africa');
  for (const d of r.imported) updateDocument(p, d.documentId, { caseId: school.id }, currentCoder(p).id);
  return p;
}

export function open(path: string): Project {
  return track(openProject(path));
}

export function docId(p: Project, name: string): string {
  return p.db.prepare('SELECT id FROM documents WHERE name = ?').pluck().get(name) as string;
}

export function textOf(p: Project, documentId: string): string {
  return p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(documentId) as string;
}

export function span(p: Project, documentId: string, quote: string): { documentId: string; start: number; end: number } {
  const start = textOf(p, documentId).indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" not in the text`);
  return { documentId, start, end: start + quote.length };
}

const CONTENT_TABLES = [
  'project',
  'coders',
  'cases',
  'attributes',
  'attribute_values',
  'documents',
  'turns',
  'codes',
  'segments',
  'anchor_examples',
  'memos',
  'settings',
];

/** Every row of every content table (not the merge log), in a stable order: equal dumps mean equal content. */
export function contentDump(p: Project, withLog = false): string {
  const out: Record<string, unknown[]> = {};
  for (const t of [...CONTENT_TABLES, ...(withLog ? ['merges'] : [])])
    out[t] = p.db
      .prepare(`SELECT * FROM ${t}`)
      .all()
      .map((r) => JSON.stringify(r))
      .sort();
  out.search = p.db
    .prepare('SELECT s.document_id, d.text FROM document_search s JOIN documents d ON d.id = s.document_id')
    .all()
    .map((r) => JSON.stringify(r))
    .sort();
  return JSON.stringify(out);
}

/** The live codings as researchers see them: document text hash, code path, coder name, passage, memo (tab-separated). */
export function codings(p: Project): string[] {
  const paths = new Map<string, string>();
  const codes = p.db.prepare('SELECT id, parent_id, name, deleted_at FROM codes').all() as {
    id: string;
    parent_id: string | null;
    name: string;
    deleted_at: string | null;
  }[];
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (id: string): string => {
    if (paths.has(id)) return paths.get(id)!;
    const c = byId.get(id)!;
    const path = `${c.parent_id ? `${pathOf(c.parent_id)}/` : ''}${c.name}${c.deleted_at ? ' (deleted)' : ''}`;
    paths.set(id, path);
    return path;
  };
  const rows = p.db
    .prepare(
      `SELECT d.sha256, s.code_id, c.name AS coder, s.start, s.end, s.memo FROM segments s JOIN documents d ON d.id = s.document_id
       JOIN coders c ON c.id = s.coder_id WHERE s.deleted_at IS NULL`,
    )
    .all() as { sha256: string; code_id: string; coder: string; start: number; end: number; memo: string }[];
  return rows.map((r) => [r.sha256.slice(0, 12), pathOf(r.code_id), r.coder.toLowerCase(), `${r.start}-${r.end}`, r.memo].join('\t')).sort();
}

/** SHA-256 of every file in a folder (and so, which files exist). */
export function hashFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) {
    const path = join(dir, f);
    if (statSync(path).isFile()) out[f] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}
