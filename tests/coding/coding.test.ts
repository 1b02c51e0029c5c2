import { describe, expect, it } from 'vitest';
import { applyCode, listSegments, removeSegment, updateSegment } from '../../electron/coding/coding';
import { resolveCodePath } from '../../electron/store/codes';
import { enableHistory, historyState, redo, undo } from '../../electron/store/history';
import { codedSegments } from '../../electron/reports/retrieval';
import { saveMemo } from '../../electron/coding/memos';
import { tempProject } from '../helpers/temp';
import { at, FOCUS_GROUP, importFocusGroup } from '../helpers/corpus';

const DELIVERY = 'Teachers/Pedagogic changes/delivery of lessons';
const PLANNING = 'Teachers/Pedagogic changes/lesson planning';

describe('coding passages', () => {
  it('applies a code to a passage and retrieves it with its speaker and text', async () => {
    const p = tempProject();
    const doc = await importFocusGroup(p);
    const code = resolveCodePath(p, PLANNING);
    const span = at(FOCUS_GROUP, 'We plan lessons together');
    const seg = applyCode(p, { documentId: doc, codeId: code.id, ...span, memo: 'joint planning' });
    expect(seg).toMatchObject({ documentId: doc, codeId: code.id, ...span, memo: 'joint planning' });
    const [row] = codedSegments(p, { codeIds: [code.id] });
    expect(row).toMatchObject({ text: 'We plan lessons together', speaker: 'Mrs Achieng', coder: 'Amina', code: PLANNING });
  });

  it('refuses passages outside the document and unknown codes, changing nothing', async () => {
    const p = tempProject();
    const doc = await importFocusGroup(p);
    const code = resolveCodePath(p, PLANNING);
    expect(() => applyCode(p, { documentId: doc, codeId: code.id, start: 5, end: 5 })).toThrow(/is not inside/);
    expect(() => applyCode(p, { documentId: doc, codeId: code.id, start: 0, end: FOCUS_GROUP.length + 1 })).toThrow(/is not inside/);
    expect(() => applyCode(p, { documentId: doc, codeId: 'nope', start: 0, end: 3 })).toThrow(/no code/);
    expect(listSegments(p)).toHaveLength(0);
  });

  it('extends an overlapping segment of the same code and coder instead of doubling it', async () => {
    const p = tempProject();
    const doc = await importFocusGroup(p);
    const code = resolveCodePath(p, DELIVERY);
    const a = at(FOCUS_GROUP, 'I learnt to teach science');
    const b = at(FOCUS_GROUP, 'science with fewer resources');
    applyCode(p, { documentId: doc, codeId: code.id, ...a });
    applyCode(p, { documentId: doc, codeId: code.id, ...b });
    const segs = listSegments(p, { documentId: doc });
    expect(segs).toHaveLength(1);
    expect(FOCUS_GROUP.slice(segs[0].start, segs[0].end)).toBe('I learnt to teach science with fewer resources');
    // Another coder's coding of the same passage stays separate.
    applyCode(p, { documentId: doc, codeId: code.id, ...a, coder: 'Ben' });
    expect(listSegments(p, { documentId: doc })).toHaveLength(2);
  });

  it('recodes, resizes, annotates and removes a segment', async () => {
    const p = tempProject();
    const doc = await importFocusGroup(p);
    const seg = applyCode(p, { documentId: doc, codeId: resolveCodePath(p, DELIVERY).id, ...at(FOCUS_GROUP, 'We plan lessons') });
    const planning = resolveCodePath(p, PLANNING);
    expect(updateSegment(p, seg.id, { codeId: planning.id }).codeId).toBe(planning.id);
    expect(updateSegment(p, seg.id, { end: seg.end + 9 })).toMatchObject({ start: seg.start, end: seg.end + 9 });
    expect(updateSegment(p, seg.id, { memo: 'coordinated' }).memo).toBe('coordinated');
    removeSegment(p, seg.id);
    expect(listSegments(p)).toHaveLength(0);
    // A tombstone remains for merges to see.
    expect(p.db.prepare('SELECT deleted_at IS NOT NULL FROM segments WHERE id = ?').pluck().get(seg.id)).toBe(1);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes applying, recoding and removing, one action at a time', async () => {
    const p = tempProject();
    enableHistory(p);
    const doc = await importFocusGroup(p);
    const delivery = resolveCodePath(p, DELIVERY);
    const planning = resolveCodePath(p, PLANNING);
    const seg = applyCode(p, { documentId: doc, codeId: delivery.id, ...at(FOCUS_GROUP, 'We plan lessons') });
    updateSegment(p, seg.id, { codeId: planning.id });
    expect(historyState(p)).toEqual({ undo: 'Recode passage', redo: null });

    expect(undo(p)).toBe('Recode passage');
    expect(listSegments(p)[0].codeId).toBe(delivery.id);
    expect(undo(p)).toBe('Code with "delivery of lessons"');
    expect(listSegments(p)).toHaveLength(0);
    expect(undo(p)).toBeNull();

    expect(redo(p)).toBe('Code with "delivery of lessons"');
    expect(listSegments(p)).toMatchObject([{ id: seg.id, codeId: delivery.id }]);
    expect(redo(p)).toBe('Recode passage');
    expect(listSegments(p)[0].codeId).toBe(planning.id);
    expect(historyState(p)).toEqual({ undo: 'Recode passage', redo: null });

    removeSegment(p, seg.id);
    undo(p);
    expect(listSegments(p)).toHaveLength(1);
  });

  it('clears the redo list when a new action follows an undo', async () => {
    const p = tempProject();
    enableHistory(p);
    const doc = await importFocusGroup(p);
    const code = resolveCodePath(p, DELIVERY);
    applyCode(p, { documentId: doc, codeId: code.id, ...at(FOCUS_GROUP, 'We plan lessons') });
    undo(p);
    expect(historyState(p).redo).not.toBeNull();
    applyCode(p, { documentId: doc, codeId: code.id, ...at(FOCUS_GROUP, 'fewer resources') });
    expect(historyState(p).redo).toBeNull();
  });

  it('restores with a fresh updated_at so the restored state wins a later merge', async () => {
    const p = tempProject();
    enableHistory(p);
    const doc = await importFocusGroup(p);
    const seg = applyCode(p, { documentId: doc, codeId: resolveCodePath(p, DELIVERY).id, ...at(FOCUS_GROUP, 'We plan lessons') });
    removeSegment(p, seg.id);
    undo(p);
    const row = p.db.prepare('SELECT updated_at, deleted_at FROM segments WHERE id = ?').get(seg.id) as { updated_at: string; deleted_at: string | null };
    expect(row.deleted_at).toBeNull();
    expect(row.updated_at > seg.updatedAt).toBe(true);
  });

  it('lists only the segments with a memo, their own or one about them', async () => {
    const p = tempProject();
    const doc = await importFocusGroup(p);
    const code = resolveCodePath(p, 'Teachers/Skills/teaching skills').id;
    const plain = applyCode(p, { documentId: doc, codeId: code, ...at(FOCUS_GROUP, 'plan lessons together') });
    const own = applyCode(p, { documentId: doc, codeId: code, ...at(FOCUS_GROUP, 'school garden'), memo: 'resourcefulness' });
    const about = applyCode(p, { documentId: doc, codeId: code, ...at(FOCUS_GROUP, 'write letters') });
    saveMemo(p, { target: 'segment', targetId: about.id, title: 'Letters', body: 'pen pals' });
    expect(
      listSegments(p, { withMemo: true })
        .map((s) => s.id)
        .sort(),
    ).toEqual([own.id, about.id].sort());
    expect(listSegments(p).map((s) => s.id)).toContain(plain.id);
  });
});
