import fc from 'fast-check';
import { deleteCode, ensureCodePath, createCode, updateCode } from '../../electron/codebook/codebook';
import { applyCode, listSegments, removeSegment, updateSegment } from '../../electron/coding/coding';
import { saveMemo } from '../../electron/coding/memos';
import { listCodes } from '../../electron/store/codes';
import type { Project } from '../../electron/store/db';
import { InputError } from '../../shared/errors';

// Random edits a coder (or the lead) makes, through the real services.

export type Edit =
  | { t: 'apply'; doc: number; start: number; len: number; code: number; memo: string }
  | { t: 'remove'; i: number }
  | { t: 'resize'; i: number; by: number }
  | { t: 'newCode'; parent: number; name: string }
  | { t: 'rename'; code: number; name: string }
  | { t: 'delete'; code: number }
  | { t: 'memo'; code: number; body: string };

const NAMES = ['Drama', 'Sport', 'Music', 'Culture'];

export const EDIT: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('apply' as const),
      doc: fc.nat(2),
      start: fc.nat(160),
      len: fc.integer({ min: 1, max: 40 }),
      code: fc.nat(20),
      memo: fc.constantFrom('', 'note'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('remove' as const), i: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('resize' as const), i: fc.nat(20), by: fc.integer({ min: -5, max: 10 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('newCode' as const), parent: fc.integer({ min: -1, max: 20 }), name: fc.constantFrom(...NAMES) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('rename' as const), code: fc.nat(20), name: fc.constantFrom(...NAMES) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), code: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('memo' as const), code: fc.nat(20), body: fc.constantFrom('why', 'when') }) },
);

export async function runEdits(p: Project, edits: Edit[]): Promise<void> {
  for (const e of edits) {
    const codes = listCodes(p);
    const docs = p.db.prepare('SELECT id, chars FROM documents WHERE deleted_at IS NULL ORDER BY name').all() as { id: string; chars: number }[];
    const segs = listSegments(p);
    const pick = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
    try {
      if (e.t === 'apply') {
        const doc = pick(docs, e.doc);
        const code = pick(codes, e.code);
        if (!doc || !code) continue;
        const start = e.start % doc.chars;
        applyCode(p, { documentId: doc.id, codeId: code.id, start, end: Math.min(doc.chars, start + e.len), memo: e.memo });
      } else if (e.t === 'remove') {
        const s = pick(segs, e.i);
        if (s) removeSegment(p, s.id);
      } else if (e.t === 'resize') {
        const s = pick(segs, e.i);
        if (s) updateSegment(p, s.id, { end: Math.max(s.start + 1, s.end + e.by) });
      } else if (e.t === 'newCode') {
        const parent = e.parent < 0 ? undefined : pick(codes, e.parent);
        if (parent) ensureCodePath(p, `${parent.path}/${e.name}`);
        else createCode(p, { name: e.name });
      } else if (e.t === 'rename') {
        const c = pick(codes, e.code);
        if (c) updateCode(p, c.id, { name: e.name });
      } else if (e.t === 'delete') {
        const c = pick(codes, e.code);
        if (c) await deleteCode(p, c.id);
      } else {
        const c = pick(codes, e.code);
        if (c) saveMemo(p, { target: 'code', targetId: c.id, title: c.name, body: e.body });
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
    }
  }
}
