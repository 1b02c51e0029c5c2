import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCode } from '../../electron/codebook/codebook';
import { applyCode, listSegments } from '../../electron/coding/coding';
import { getDocument } from '../../electron/documents/documents';
import { importFiles } from '../../electron/documents/import';
import { openDocument, segmentColumns } from '../../electron/documents/open';
import { listCoders } from '../../electron/store/coders';
import { packSegments, packTurns, unpackDocument, unpackSegments, unpackTurns, type ShownSegment } from '../../shared/transcript-columns';
import type { Turn } from '../../shared/types';
import { tempProject } from '../helpers/temp';

// Opening a transcript answers with its text, turns and segments as columns in one
// reply. What the window unpacks must be exactly what documents.get and
// segments.list say, for every document (speakers, roles, times, memos, coders).

const shown = ({ createdAt: _c, updatedAt: _u, ...s }: ShownSegment & { createdAt?: string; updatedAt?: string }): ShownSegment => s;

describe('opening a transcript', () => {
  it('answers what documents.get, segments.list and coders.list answer, in one reply', async () => {
    const p = tempProject({ codebook: 'nssp', coder: 'Amina' });
    const text = 'Interviewer: How did the visit go?\nTeacher 1: We planned lessons together.\nStudent: I liked the letters.\nTeacher 1: Confidence grew.\n';
    const { imported } = await importFiles(p, [{ name: 'Interview.txt', bytes: new TextEncoder().encode(text) }]);
    const documentId = imported[0]!.documentId;
    const a = createCode(p, { name: 'Planning', parentId: null });
    const b = createCode(p, { name: 'Letters', parentId: null });
    applyCode(p, { documentId, codeId: a.id, start: 47, end: 70, memo: 'co-planning, in their words' });
    applyCode(p, { documentId, codeId: b.id, start: 80, end: 100, coder: 'Joseph' });
    applyCode(p, { documentId, codeId: a.id, start: 113, end: 128, coder: 'Joseph' });

    const opened = JSON.parse(JSON.stringify(openDocument(p, documentId))) as ReturnType<typeof openDocument>;
    expect(unpackDocument(opened.document)).toEqual(getDocument(p, documentId));
    expect(unpackSegments(opened.segments, documentId)).toEqual(listSegments(p, { documentId }).map(shown));
    expect(opened.coders).toEqual(listCoders(p));
    expect(opened.segments.codes).toHaveLength(2);
    expect(opened.segments.coders).toHaveLength(2);
    expect(opened.segments.memos).toEqual({ 0: 'co-planning, in their words' });
    expect(segmentColumns(p, documentId)).toEqual(opened.segments);
  });

  it('says which document is missing', () => {
    const p = tempProject({ codebook: 'empty' });
    expect(() => openDocument(p, '00000000-0000-4000-8000-000000000000')).toThrow(/no document with id/);
  });

  it('packs and unpacks any segments and turns unchanged, through JSON', () => {
    const idArb = fc.constantFrom('a', 'b', 'c', 'd');
    const segment = fc.record({
      id: fc.uuid(),
      codeId: idArb,
      coderId: idArb,
      start: fc.nat(10_000),
      end: fc.nat(10_000),
      memo: fc.oneof(fc.constant(''), fc.string()),
    });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 40 }), (rows) => {
        const segments = rows.map((r) => ({ ...r, documentId: 'doc' }));
        const back = unpackSegments(JSON.parse(JSON.stringify(packSegments(segments))), 'doc');
        expect(back).toEqual(segments);
      }),
    );
    const name = fc.option(fc.constantFrom('Teacher 1', 'Student', 'Interviewer', ''), { nil: null });
    const time = fc.option(fc.double({ min: 0, max: 10_000, noNaN: true }), { nil: null });
    const turn = fc.record({ index: fc.nat(), speaker: name, role: name, start: fc.nat(), end: fc.nat(), timeStart: time, timeEnd: time });
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 40 }), (turns: Turn[]) => {
        expect(unpackTurns(JSON.parse(JSON.stringify(packTurns(turns))))).toEqual(turns);
      }),
    );
  });

  it('is a fraction of the size of the row objects on a coded focus group', async () => {
    const p = tempProject({ codebook: 'nssp', coder: 'Amina' });
    const lines = Array.from({ length: 400 }, (_, i) => `Teacher ${(i % 3) + 1}: we planned lessons and shared letters with our partner school ${i}.`);
    const { imported } = await importFiles(p, [{ name: 'Focus group.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    const documentId = imported[0]!.documentId;
    const code = createCode(p, { name: 'Planning', parentId: null });
    for (let i = 0; i < 300; i++) applyCode(p, { documentId, codeId: code.id, start: i * 80, end: i * 80 + 20 });
    const rows = JSON.stringify(listSegments(p, { documentId })).length;
    const columns = JSON.stringify(segmentColumns(p, documentId)).length;
    expect(columns).toBeLessThan(rows / 3);
  });
});
