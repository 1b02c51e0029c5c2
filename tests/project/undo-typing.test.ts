import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCode, updateCode } from '../../electron/codebook/codebook';
import { createCase, renameCase, setCaseAttribute } from '../../electron/cases/cases';
import { applyCode, listSegments, updateSegment } from '../../electron/coding/coding';
import { deleteMemo, saveMemo, listMemos } from '../../electron/coding/memos';
import { closeProject, openProject } from '../../electron/store/db';
import { listCodes } from '../../electron/store/codes';
import { listCases } from '../../electron/store/cases';
import { enableHistory, historyState, redo, undo } from '../../electron/store/history';
import { saveSummary } from '../../electron/analysis/summaries';
import { importFocusGroup } from '../helpers/corpus';
import { tempProject } from '../helpers/temp';

// Text fields save while the researcher types (every pause of 0.4 s): the saves of one
// field of one thing, a few seconds apart, are one undo step that puts back the text
// from before the typing began — and still refuses to overwrite another writer's change.

afterEach(() => {
  vi.useRealTimers();
});

function project() {
  const p = tempProject({ codebook: 'empty' });
  enableHistory(p);
  return p;
}

/** Types `text` into a field the way the renderer saves it: a save per pause, `gap` ms apart. */
function typeInto(save: (v: string) => unknown, text: string, gap = 700): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  for (let i = 4; i <= text.length; i += 4) {
    save(text.slice(0, i));
    vi.advanceTimersByTime(gap);
  }
  save(text);
}

describe('one undo step per edit of a text field', () => {
  it('a code definition typed in many saves is undone in one step, back to the text before the typing', () => {
    const p = project();
    const code = createCode(p, { name: 'Peer talk', parentId: null });
    updateCode(p, code.id, { definition: 'Old definition' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.advanceTimersByTime(10_000); // a new edit, later
    typeInto((v) => updateCode(p, code.id, { definition: v }), 'Talk between teachers about their own lessons');
    expect(listCodes(p)[0].definition).toBe('Talk between teachers about their own lessons');
    expect(undo(p)).toBe('Describe code "Peer talk"');
    expect(listCodes(p)[0].definition).toBe('Old definition');
    expect(redo(p)).toBe('Describe code "Peer talk"');
    expect(listCodes(p)[0].definition).toBe('Talk between teachers about their own lessons');
    expect(undo(p)).toBe('Describe code "Peer talk"');
    expect(undo(p)).toBe('Describe code "Peer talk"'); // the earlier edit, its own step
    expect(listCodes(p)[0].definition).toBe('');
  });

  it('a rename typed in many saves is one step named after the name before it', () => {
    const p = project();
    const code = createCode(p, { name: 'Peer talk', parentId: null });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.advanceTimersByTime(10_000);
    typeInto((v) => updateCode(p, code.id, { name: v }), 'Peer talk among staff');
    expect(historyState(p).undo).toBe('Rename code "Peer talk"');
    undo(p);
    expect(listCodes(p)[0].name).toBe('Peer talk');
    expect(historyState(p).undo).toBe('Add code "Peer talk"');
  });

  it('keeps apart: another field, another code, and saves after a pause of more than a few seconds', () => {
    const p = project();
    const a = createCode(p, { name: 'A', parentId: null });
    const b = createCode(p, { name: 'B', parentId: null });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.advanceTimersByTime(10_000);
    updateCode(p, a.id, { definition: 'a1' });
    updateCode(p, a.id, { whenToUse: 'w1' });
    updateCode(p, b.id, { definition: 'b1' });
    updateCode(p, a.id, { definition: 'a2' });
    vi.advanceTimersByTime(10_000);
    updateCode(p, a.id, { definition: 'a3' });
    const steps: string[] = [];
    for (let s = undo(p); s && !s.startsWith('Add'); s = undo(p)) steps.push(s);
    expect(steps).toEqual(['Describe code "A"', 'Describe code "A"', 'Describe code "B"', 'Describe code "A"', 'Describe code "A"']);
  });

  it('refuses to undo the joined step when another writer changed the code since', () => {
    const p = project();
    const code = createCode(p, { name: 'Peer talk', parentId: null });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.advanceTimersByTime(10_000);
    typeInto((v) => updateCode(p, code.id, { definition: v }), 'Talk between teachers');
    const other = openProject(p.path);
    other.db.prepare('UPDATE codes SET definition = ?, updated_at = ? WHERE id = ?').run('Written elsewhere', new Date().toISOString(), code.id);
    closeProject(other);
    expect(() => undo(p)).toThrow(/^cannot undo "Describe code "Peer talk"": the code "Peer talk" was changed since/);
    expect(listCodes(p)[0].definition).toBe('Written elsewhere');
  });

  it('memos and case cells typed in many saves are one step each', () => {
    const p = project();
    const memo = saveMemo(p, { target: 'project', targetId: null, title: 'Hunch', body: '' });
    const c = createCase(p, 'Kisumu Primary');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.advanceTimersByTime(10_000);
    typeInto((v) => saveMemo(p, { id: memo.id, target: 'project', targetId: null, title: 'Hunch', body: v }), 'Planning together came up again');
    typeInto((v) => renameCase(p, c.id, v), 'Kisumu Primary School');
    typeInto((v) => setCaseAttribute(p, c.id, 'phase', v), 'primary school');
    expect(undo(p)).toBe('Set phase');
    expect(listCases(p)[0].attributes.phase ?? '').toBe('');
    expect(undo(p)).toBe('Rename case "Kisumu Primary"');
    expect(listCases(p)[0].name).toBe('Kisumu Primary');
    expect(undo(p)).toBe('Edit memo');
    expect(listMemos(p).find((m) => m.id === memo.id)!.body).toBe('');
    expect(undo(p)).toBe('Add case "Kisumu Primary"');
    deleteMemo(p, memo.id);
  });

  it('a segment memo typed in many saves is one step; after an undo the next save is a step of its own', async () => {
    const p = project();
    const documentId = await importFocusGroup(p);
    const code = createCode(p, { name: 'Planning', parentId: null });
    const seg = applyCode(p, { documentId, codeId: code.id, start: 0, end: 10 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.advanceTimersByTime(10_000);
    typeInto((v) => updateSegment(p, seg.id, { memo: v }), 'Planning together came up again');
    expect(undo(p)).toBe('Edit segment memo');
    expect(listSegments(p, { documentId })[0].memo).toBe('');
    expect(historyState(p).undo).toBe('Code with "Planning"');
    redo(p);
    updateSegment(p, seg.id, { memo: 'A second thought' }); // right after the redo: not joined to it
    expect(undo(p)).toBe('Edit segment memo');
    expect(listSegments(p, { documentId })[0].memo).toBe('Planning together came up again');
  });

  it('a summary typed in many saves is one step, back to the summary before the typing', () => {
    const p = project();
    const code = createCode(p, { name: 'Perceived impact', parentId: null });
    const c = createCase(p, 'Hillcrest Academy');
    const cell = { rowKind: 'case' as const, rowKey: c.id, columnKind: 'code' as const, columnKey: code.id };
    saveSummary(p, cell, 'First thoughts.');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.advanceTimersByTime(10_000);
    typeInto((v) => saveSummary(p, cell, `First thoughts. ${v}`), 'Teachers question their stereotypes.');
    expect(undo(p)).toBe('Edit summary');
    expect(historyState(p).undo).toBe('Edit summary'); // the first summary, its own step
    expect(redo(p)).toBe('Edit summary');
    expect(undo(p)).toBe('Edit summary');
    expect(undo(p)).toBe('Edit summary');
    expect(historyState(p).undo).toBe('Add case "Hillcrest Academy"');
  });
});
