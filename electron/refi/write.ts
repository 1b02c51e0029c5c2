import { createHash } from 'node:crypto';
import { CODE_PALETTE } from '../../shared/codebooks/palette';
import { detectTurns } from '../../shared/turns';
import { DOCUMENT_KINDS, type MemoTarget } from '../../shared/types';
import { cleanCodeName, refiColour } from '../formats/refi/names';
import { setAnchor } from '../store/codes';
import type { Project } from '../store/db';
import { insertDocument } from '../store/documents';
import { setSetting } from '../store/settings';
import { guessKind } from '../documents/import';
import type { ProjectSnapshot } from './snapshot';
import { writeInSteps } from '../project/operations';
import type { Progress } from '../../shared/progress';

// Writes a snapshot read from another tool's file into a fresh project, in one
// stepped transaction (a cancel is heard between sources and rolls it all back).
// Names are made valid the way Fieldcode needs them ("/" separates a code path;
// siblings and cases are unique ignoring case); identities (GUIDs) are kept so a
// re-export names the same things; coding that points at nothing, or outside its
// document, is skipped and reported rather than guessed at.

export interface WriteCounts {
  documents: number;
  codes: number;
  segments: number;
  cases: number;
  coders: number;
  memos: number;
}

/** The next free "(n)" per name, so a file with a million equal names stays linear. */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

/** `name`, numbered when taken (ignoring case); a change is told to `renamed` as `what "old" → "new"`. */
function unique(name: string, taken: Set<string>, renamed?: { what: string; from: string; to: string[] }): string {
  const counters = nextSuffix.get(taken) ?? nextSuffix.set(taken, new Map()).get(taken)!;
  const key = name.toLowerCase();
  let out = name;
  if (taken.has(key)) {
    let n = counters.get(key) ?? 2;
    do out = `${name} (${n++})`;
    while (taken.has(out.toLowerCase()));
    counters.set(key, n);
  }
  taken.add(out.toLowerCase());
  if (renamed && out !== renamed.from) renamed.to.push(`${renamed.what} "${renamed.from}" → "${out}"`);
  return out;
}

const MEMO_TARGETS: MemoTarget[] = ['project', 'document', 'code', 'segment', 'case'];

/** Segments written between two turns of the event loop. */
const SEGMENT_CHUNK = 500;

/**
 * `renamed` receives each coder, code, attribute and case whose name had to change, in words (code "A/B" → "A∕B").
 * `progress` hears 'writing' before each source; a cancel is heard between sources and segment chunks and rolls it all back.
 */
export async function writeSnapshot(p: Project, s: ProjectSnapshot, skipped: string[], renamed: string[] = [], progress?: Progress): Promise<WriteCounts> {
  const now = p.now();
  const counts: WriteCounts = { documents: 0, codes: 0, segments: 0, cases: 0, coders: 0, memos: 0 };
  await writeInSteps(p, progress, async (next) => {
    p.db
      .prepare('INSERT INTO project (id, name, codebook, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(s.project.id, s.project.name.trim() || 'Imported project', 'refi-qda', s.project.createdAt || now, now);
    const coders = new Set<string>();
    const coderNames = new Set<string>();
    const insertCoder = p.db.prepare('INSERT INTO coders (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    for (const c of s.coders) {
      if (coders.has(c.id)) continue;
      insertCoder.run(c.id, unique(c.name.trim() || 'Coder', coderNames, { what: 'coder', from: c.name, to: renamed }), now, now);
      coders.add(c.id);
    }
    const fallbackCoder = coders.has(s.project.coderId) ? s.project.coderId : ([...coders][0] ?? p.newId());
    if (!coders.has(fallbackCoder)) {
      insertCoder.run(fallbackCoder, unique('Coder', coderNames), now, now);
      coders.add(fallbackCoder);
    }
    setSetting(p, 'coder', fallbackCoder);
    const coder = (id: string | null | undefined) => (id && coders.has(id) ? id : fallbackCoder);
    counts.coders = coders.size;

    const codeIds = new Set<string>();
    const siblings = new Map<string | null, Set<string>>();
    const known = new Set(s.codes.map((c) => c.id));
    const insertCode = p.db.prepare(
      `INSERT INTO codes (id, parent_id, name, colour, sort, definition, when_to_use, when_not_to_use, updated_at, coder_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Parents first, whatever order the file listed them in; siblings in file order.
    // Linear: each code is queued once, when its parent is in.
    const firstIds = new Set<string>();
    const distinct = s.codes.filter((c) => !firstIds.has(c.id) && !!firstIds.add(c.id));
    const childrenOf = new Map<string | null, typeof distinct>();
    for (const c of distinct) {
      const key = c.parentId && known.has(c.parentId) ? c.parentId : null;
      (childrenOf.get(key) ?? childrenOf.set(key, []).get(key)!).push(c);
    }
    const queue = [...(childrenOf.get(null) ?? [])];
    let top = 0;
    for (let q = 0; q < queue.length; q++) {
      const c = queue[q];
      for (const child of childrenOf.get(c.id) ?? []) queue.push(child);
      const parent = c.parentId && codeIds.has(c.parentId) ? c.parentId : null;
      const taken = siblings.get(parent) ?? siblings.set(parent, new Set()).get(parent)!;
      const name = unique(cleanCodeName(c.name), taken, { what: 'code', from: c.name, to: renamed });
      const colour = refiColour(c.colour) || CODE_PALETTE[top % CODE_PALETTE.length];
      if (!parent) top++;
      insertCode.run(c.id, parent, name, colour, taken.size, c.definition, c.whenToUse, c.whenNotToUse, now, fallbackCoder);
      codeIds.add(c.id);
    }
    if (queue.length < distinct.length) throw new Error('the code tree has a cycle');
    counts.codes = codeIds.size;

    const attrIds = new Set<string>();
    const attrNames = new Set<string>();
    const insertAttr = p.db.prepare('INSERT INTO attributes (id, name, sort, updated_at, coder_id) VALUES (?, ?, ?, ?, ?)');
    s.attributes.forEach((a, i) => {
      if (attrIds.has(a.id)) return;
      insertAttr.run(a.id, unique(a.name.trim() || 'attribute', attrNames, { what: 'attribute', from: a.name, to: renamed }), i + 1, now, fallbackCoder);
      attrIds.add(a.id);
    });
    const caseIds = new Set<string>();
    const caseNames = new Set<string>();
    const insertCase = p.db.prepare('INSERT INTO cases (id, name, updated_at, coder_id) VALUES (?, ?, ?, ?)');
    const insertValue = p.db.prepare('INSERT INTO attribute_values (case_id, attribute_id, value, updated_at, coder_id) VALUES (?, ?, ?, ?, ?)');
    for (const c of s.cases) {
      if (caseIds.has(c.id)) continue;
      insertCase.run(c.id, unique(c.name.trim() || 'Case', caseNames, { what: 'case', from: c.name, to: renamed }), now, fallbackCoder);
      caseIds.add(c.id);
      for (const [attr, value] of Object.entries(c.values))
        if (attrIds.has(attr) && value.trim()) insertValue.run(c.id, attr, value.trim(), now, fallbackCoder);
    }
    counts.cases = caseIds.size;

    const docs = new Map<string, number>();
    for (const [i, d] of s.documents.entries()) {
      progress?.report('writing', i, s.documents.length, d.name);
      await next();
      if (docs.has(d.id)) continue;
      const kind = (DOCUMENT_KINDS as readonly string[]).includes(d.kind) ? d.kind : guessKind(d.name);
      insertDocument(
        p,
        {
          id: d.id,
          name: d.name.trim() || 'Document',
          kind,
          case_id: d.caseId && caseIds.has(d.caseId) ? d.caseId : null,
          text: d.text,
          chars: d.text.length,
          sha256: createHash('sha256').update(d.text).digest('hex'),
          format: 'txt',
          encoding: 'utf-8',
          source_name: d.name,
          imported_at: d.importedAt || now,
          updated_at: now,
          coder_id: coder(d.coderId),
          deleted_at: null,
        },
        detectTurns(d.text).map((t, idx) => ({
          idx,
          speaker: t.speaker,
          role: null,
          start: t.start,
          end: t.end,
          time_start: t.timeStart,
          time_end: t.timeEnd,
        })),
      );
      docs.set(d.id, d.text.length);
    }
    counts.documents = docs.size;

    const segIds = new Set<string>();
    const insertSegment = p.db.prepare(
      'INSERT INTO segments (id, document_id, code_id, coder_id, start, end, memo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    let outside = 0;
    let dangling = 0;
    for (const [i, g] of s.segments.entries()) {
      if (i > 0 && i % SEGMENT_CHUNK === 0) await next();
      const chars = docs.get(g.documentId);
      if (chars === undefined || !codeIds.has(g.codeId)) {
        dangling++;
        continue;
      }
      if (!(Number.isInteger(g.start) && Number.isInteger(g.end) && g.start >= 0 && g.end > g.start && g.end <= chars)) {
        outside++;
        continue;
      }
      const id = segIds.has(g.id) ? p.newId() : g.id;
      segIds.add(id);
      insertSegment.run(id, g.documentId, g.codeId, coder(g.coderId), g.start, g.end, g.memo, g.createdAt || now, now);
    }
    counts.segments = segIds.size;
    if (dangling) skipped.push(`${dangling} coding(s) referring to a code or document not in the file`);
    if (outside) skipped.push(`${outside} coding(s) outside their document's text`);

    const insertMemo = p.db.prepare('INSERT INTO memos (id, target, target_id, title, body, coder_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const targets: Record<MemoTarget, Set<string>> = { project: new Set(), document: new Set(docs.keys()), code: codeIds, segment: segIds, case: caseIds };
    const memoIds = new Set<string>();
    for (const m of s.memos) {
      if (memoIds.has(m.id) || !MEMO_TARGETS.includes(m.target)) continue;
      const target = m.target === 'project' || (m.targetId && targets[m.target].has(m.targetId)) ? m.target : 'project';
      insertMemo.run(m.id, target, target === 'project' ? null : m.targetId, m.title, m.body, coder(m.coderId), m.updatedAt || now);
      memoIds.add(m.id);
    }
    counts.memos = memoIds.size;
    linkAnchors(p, s, fallbackCoder);
  });
  return counts;
}

/** Anchor examples travel as quotations: link each to the segment of its code that quotes it. */
function linkAnchors(p: Project, s: ProjectSnapshot, coderId: string): void {
  const find = p.db.prepare(
    `SELECT s.id, s.start, s.end, d.text FROM segments s JOIN documents d ON d.id = s.document_id
     WHERE s.code_id = ? AND d.name = ? AND s.deleted_at IS NULL ORDER BY s.start`,
  );
  for (const c of s.codes) {
    for (const a of c.anchors) {
      const rows = find.all(c.id, a.document) as { id: string; start: number; end: number; text: string }[];
      const hit = rows.find((r) => r.text.slice(r.start, r.end).replace(/\s+/g, ' ') === a.quote);
      if (hit) setAnchor(p, c.id, hit.id, a.note, coderId);
    }
  }
}
