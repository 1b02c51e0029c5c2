import { describe, expect, it } from 'vitest';
import { agreement } from '../../electron/team/agreement';
import { acceptAgreements, resolveDisagreement } from '../../electron/team/consensus';
import { listDisagreements } from '../../electron/team/disagreements';
import { listMemos } from '../../electron/coding/memos';
import { enableHistory, undo } from '../../electron/store/history';
import type { Project } from '../../electron/store/db';
import { code, handMade } from './fixtures';

const consensusSpans = (p: Project, codeId: string) =>
  p.db
    .prepare(
      "SELECT s.start, s.end FROM segments s JOIN coders c ON c.id = s.coder_id WHERE c.name = 'Consensus' AND s.code_id = ? AND s.deleted_at IS NULL ORDER BY s.start",
    )
    .all(codeId);

async function setup() {
  const h = await handMade();
  const { p, doc, x, coders } = h;
  code(p, doc.Plain, x, coders.A, 0, 40);
  code(p, doc.Plain, x, coders.B, 20, 60);
  code(p, doc.Plain, x, coders.A, 70, 80);
  code(p, doc.Plain, x, coders.B, 70, 80);
  code(p, doc.Plain, x, coders.B, 90, 95); // only Ben
  enableHistory(p);
  return h;
}

describe('disagreements and consensus', () => {
  it('lists the passages where coders differ, with both coders\u2019 spans', async () => {
    const { p, doc, x, coders } = await setup();
    const list = listDisagreements(p, { codeId: x });
    expect(list.map((d) => [d.start, d.end])).toEqual([
      [0, 60],
      [90, 95],
    ]);
    expect(list[0]).toMatchObject({ document: 'Plain', code: 'X', resolved: false, consensus: [] });
    expect(list[0].coders).toEqual([
      { coderId: coders.A, coder: 'Ana', spans: [{ segmentId: expect.any(String), start: 0, end: 40 }] },
      { coderId: coders.B, coder: 'Ben', spans: [{ segmentId: expect.any(String), start: 20, end: 60 }] },
    ]);
    expect(list[1].coders[0].spans).toEqual([]);
    expect(list[0].text).toBe(p.db.prepare('SELECT substr(text, 1, 60) FROM documents WHERE id = ?').pluck().get(doc.Plain));
    expect(listDisagreements(p, { codeId: x, limit: 1 })).toHaveLength(1);
  });

  it('compares turns at the turn level: two words of one turn agree', async () => {
    const { p, doc, x, coders } = await handMade();
    const text = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(doc.Turns) as string;
    code(p, doc.Turns, x, coders.A, text.indexOf('plan'), text.indexOf('plan') + 4);
    code(p, doc.Turns, x, coders.B, text.indexOf('together'), text.indexOf('together') + 8);
    expect(listDisagreements(p, { codeId: x, unit: 'char' })).toHaveLength(2);
    expect(listDisagreements(p, { codeId: x, unit: 'turn' })).toHaveLength(0);
  });

  it('resolves each way into a consensus coder, one undoable step each, with a decision memo', async () => {
    const { p, doc, x, coders } = await setup();
    const at = { documentId: doc.Plain, codeId: x, start: 0, end: 60 };
    const keepA = resolveDisagreement(p, { ...at, resolution: { keep: 'coder', coderId: coders.A } });
    expect(keepA).toMatchObject({ resolved: true, consensus: [{ start: 0, end: 40 }] });
    expect(consensusSpans(p, x)).toEqual([{ start: 0, end: 40 }]);
    resolveDisagreement(p, { ...at, resolution: { keep: 'both' } });
    expect(consensusSpans(p, x)).toEqual([{ start: 0, end: 60 }]);
    const dropped = resolveDisagreement(p, { ...at, resolution: { keep: 'drop' } });
    expect(dropped).toMatchObject({ resolved: true, consensus: [] });
    const memos = listMemos(p, 'document', doc.Plain);
    expect(memos).toHaveLength(1); // the latest decision replaces earlier ones for the passage
    expect(memos[0]).toMatchObject({ title: 'Consensus: X', body: expect.stringMatching(/^Drop for "X" at 0–60\./) });
    expect(undo(p)).toBe('Consensus on "X": drop');
    expect(consensusSpans(p, x)).toEqual([{ start: 0, end: 60 }]);
    expect(undo(p)).toBe('Consensus on "X": keep both');
    expect(undo(p)).toBe('Consensus on "X": keep Ana');
    expect(consensusSpans(p, x)).toEqual([]);
    expect(listDisagreements(p, { codeId: x })[0].resolved).toBe(false);
    // The consensus coder is not one of the compared coders by default.
    resolveDisagreement(p, { ...at, resolution: { keep: 'coder', coderId: coders.B } });
    expect(agreement(p).coders.map((c) => c.name)).toEqual(['Ana', 'Ben']);
  });

  it('accepts the agreed passages into the consensus, once', async () => {
    const { p, x } = await setup();
    expect(acceptAgreements(p)).toEqual({ segments: 1 });
    expect(consensusSpans(p, x)).toEqual([{ start: 70, end: 80 }]);
    expect(acceptAgreements(p)).toEqual({ segments: 0 });
  });

  it('refuses passages outside the document and unknown codes or coders', async () => {
    const { p, doc, x, coders } = await setup();
    expect(() => resolveDisagreement(p, { documentId: doc.Plain, codeId: x, start: 50, end: 500, resolution: { keep: 'drop' } })).toThrow(
      /is not inside "Plain"/,
    );
    expect(() => resolveDisagreement(p, { documentId: doc.Plain, codeId: 'nope', start: 0, end: 5, resolution: { keep: 'drop' } })).toThrow(/no code/);
    expect(() => resolveDisagreement(p, { documentId: doc.Plain, codeId: x, start: 0, end: 5, resolution: { keep: 'coder', coderId: 'ghost' } })).toThrow(
      /no coder/,
    );
    expect(() => listDisagreements(p, { codeId: x, coderIds: [coders.A] })).toThrow(/at least two/);
    expect(consensusSpans(p, x)).toEqual([]);
  });
});
