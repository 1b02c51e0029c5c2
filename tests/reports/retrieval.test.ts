import { describe, expect, it } from 'vitest';
import { reportCodes, reportOrder } from '../../electron/reports/order';
import { codedSegments, collectSegments, type CodedSegment } from '../../electron/reports/retrieval';
import { listCodes } from '../../electron/store/codes';
import { addSyntheticSegments } from './big';
import { buildStudy } from './fixture';

// The set-based retrieval behind every report, checked against plain per-row
// lookups on a study with 9,000 extra segments (more than one batch of rows).

interface TurnRow {
  start: number;
  end: number;
  speaker: string | null;
  role: string | null;
  time_start: number | null;
  time_end: number | null;
}

async function bigStudy() {
  const study = await buildStudy();
  addSyntheticSegments(study.p, 9000, 3, 5);
  const gone = study.p.db.prepare('SELECT id FROM segments ORDER BY id LIMIT 50').pluck().all() as string[];
  const tombstone = study.p.db.prepare("UPDATE segments SET deleted_at = '2026-01-02' WHERE id = ?");
  for (const id of gone) tombstone.run(id);
  return { ...study, gone: new Set(gone) };
}

describe('coded-segment retrieval', () => {
  it('reads every live segment across batches, each once, with the same rows as the ordered retrieval', async () => {
    const { p, gone } = await bigStudy();
    const rows = collectSegments(p, {}, reportCodes(p));
    const live = p.db.prepare('SELECT count(*) FROM segments WHERE deleted_at IS NULL').pluck().get() as number;
    expect(live).toBe(9012 - 50);
    expect(rows).toHaveLength(live);
    expect(new Set(rows.map((s) => s.id)).size).toBe(live);
    expect(rows.some((s) => gone.has(s.id))).toBe(false);
    const ordered = codedSegments(p);
    expect(ordered.map((s) => s.id).sort()).toEqual(rows.map((s) => s.id).sort());
    const byId = new Map(rows.map((s) => [s.id, s]));
    for (const s of ordered) expect(byId.get(s.id)).toEqual(s);
    for (let i = 1; i < ordered.length; i++) {
      const [a, b] = [ordered[i - 1], ordered[i]];
      expect(a.documentId < b.documentId || (a.documentId === b.documentId && (a.start < b.start || (a.start === b.start && a.end <= b.end)))).toBe(true);
    }
  });

  it('gives each segment the text at its offsets and the speaker, role and times of the turn it starts in', async () => {
    const { p, text } = await bigStudy();
    const turns = p.db.prepare('SELECT start, end, speaker, role, time_start, time_end FROM turns WHERE document_id = ? AND start <= ? AND end > ?');
    const rows = collectSegments(p, { context: 7 }, reportCodes(p));
    for (const s of rows) {
      const t = turns.get(s.documentId, s.start, s.start) as TurnRow | undefined;
      expect([s.speaker, s.role, s.timeStart, s.timeEnd]).toEqual([t?.speaker ?? null, t?.role ?? null, t?.time_start ?? null, t?.time_end ?? null]);
      const doc = text(s.documentId);
      // context stops at the edges of the turns the segment starts and ends in
      const last = turns.get(s.documentId, s.end - 1, s.end - 1) as TurnRow | undefined;
      const [low, high] = [t?.start ?? 0, last?.end ?? doc.length];
      expect([s.text, s.before, s.after]).toEqual([
        doc.slice(s.start, s.end),
        doc.slice(Math.max(low, s.start - 7), s.start),
        doc.slice(s.end, Math.min(high, s.end + 7)),
      ]);
    }
    expect(rows.filter((s) => s.timeStart !== null).length).toBeGreaterThan(0);
    expect(rows.filter((s) => s.speaker === null).length).toBeGreaterThan(0);
  });

  it('filters by code, coder, document, kind, speaker and case attribute in the batched reading too', async () => {
    const { p, docs } = await bigStudy();
    const codes = reportCodes(p);
    const all = collectSegments(p, {}, codes);
    const coder = all.find((s) => s.coder === 'Coder 2')!.coderId;
    const code = codes.find((c) => c.path === 'Teachers/Skills')!.id;
    const pick = (f: Parameters<typeof collectSegments>[1]) =>
      collectSegments(p, f, codes)
        .map((s) => s.id)
        .sort();
    const expected = (keep: (s: CodedSegment) => boolean) =>
      all
        .filter(keep)
        .map((s) => s.id)
        .sort();
    expect(pick({ coderIds: [coder] })).toEqual(expected((s) => s.coderId === coder));
    expect(pick({ codeIds: [code], coderIds: [coder] })).toEqual(expected((s) => s.coderId === coder && s.codeId === code));
    expect(pick({ documentIds: [docs.lahore, docs.kisumu] })).toEqual(expected((s) => s.documentId === docs.lahore || s.documentId === docs.kisumu));
    expect(pick({ kinds: ['focus group'] })).toEqual(expected((s) => s.kind === 'focus group'));
    expect(pick({ speakers: ['HEADTEACHER'] })).toEqual(expected((s) => s.speaker === 'Headteacher'));
    expect(pick({ where: { continent: ['africa'], phase: ['Primary'] } })).toEqual(expected((s) => s.caseName === 'Mbale Primary'));
    expect(pick({ codeIds: [] })).toEqual([]);
    expect(pick({ documentIds: [] })).toEqual([]);
  });
});

describe('report order', () => {
  it('reads the code tree as listCodes orders it, a code whose parent is deleted becoming a root', async () => {
    const { p } = await buildStudy();
    const parent = listCodes(p).find((c) => c.path === 'Teachers')!.id;
    p.db.prepare("UPDATE codes SET deleted_at = '2026-01-02' WHERE id = ?").run(parent);
    const expected = listCodes(p).map((c) => ({
      id: c.id,
      parentId: c.parentId,
      name: c.name,
      path: c.path,
      depth: c.path.split('/').length - 1,
      colour: c.colour,
    }));
    expect(reportCodes(p)).toEqual(expected);
    expect(expected.map((c) => c.path)).toContain('Skills');
  });

  it('sorts by code tree, then document name, position and coder name', async () => {
    const { p } = await bigStudy();
    const codes = reportCodes(p);
    const rank = new Map(codes.map((c, i) => [c.id, i]));
    const rows = collectSegments(p, {}, codes);
    const naive = [...rows].sort(
      (a, b) =>
        rank.get(a.codeId)! - rank.get(b.codeId)! ||
        a.document.localeCompare(b.document) ||
        a.start - b.start ||
        a.end - b.end ||
        a.coder.localeCompare(b.coder),
    );
    const sorted = reportOrder(rows, codes);
    const key = (s: CodedSegment) => `${s.codeId} ${s.documentId} ${s.start} ${s.end} ${s.coder}`;
    expect(sorted.map(key)).toEqual(naive.map(key));
  });
});
