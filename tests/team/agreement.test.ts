import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa, krippendorffAlpha, percentAgreement } from '../../shared/agreement';
import { agreement } from '../../electron/team/agreement';
import { tombstoneSegment } from '../../electron/store/segments';
import { code, handMade, PLAIN, TURNS } from './fixtures';

describe('project agreement on a hand-made project', () => {
  it('at the character level: A codes 0–40, B codes 20–60 of 100 characters', async () => {
    const { p, doc, x, coders } = await handMade({ 'Plain.txt': PLAIN });
    expect(PLAIN.length).toBe(100);
    code(p, doc.Plain, x, coders.A, 0, 40);
    code(p, doc.Plain, x, coders.B, 20, 60);
    const r = agreement(p);
    expect(r.coders.map((c) => c.name)).toEqual(['Ana', 'Ben']);
    expect(r.documents).toEqual([{ id: doc.Plain, name: 'Plain', coders: ['Ana', 'Ben'] }]);
    // both 20, only A 20, only B 20, neither 40: po = .6, pe = .4·.4 + .6·.6 = .52, κ = .08/.48
    expect(r.codes).toHaveLength(1);
    expect(r.codes[0]).toMatchObject({ code: 'X', units: 100, percentAgreement: 0.6 });
    expect(r.codes[0].kappa).toBeCloseTo(1 / 6, 12);
    const a = Array.from({ length: 100 }, (_, i) => (i < 40 ? '1' : '0'));
    const b = Array.from({ length: 100 }, (_, i) => (i >= 20 && i < 60 ? '1' : '0'));
    expect(r.codes[0].alpha).toBeCloseTo(krippendorffAlpha([a, b], 'nominal')!, 12);
    expect(r.pooled).toMatchObject({ code: null, units: 100, percentAgreement: 0.6 });
  });

  it('at the turn level: the code anywhere in a turn marks the turn', async () => {
    const { p, doc, x, coders } = await handMade({ 'Turns.txt': TURNS });
    const at = (q: string) => TURNS.indexOf(q);
    // A: a word in turn 2 and one in turn 3; B: turn 3 (two spans) and turn 4.
    code(p, doc.Turns, x, coders.A, at('plan'), at('plan') + 4);
    code(p, doc.Turns, x, coders.A, at('fewer'), at('fewer') + 5);
    code(p, doc.Turns, x, coders.B, at('teach with'), at('teach with') + 5);
    code(p, doc.Turns, x, coders.B, at('resources'), at('resources') + 9);
    code(p, doc.Turns, x, coders.B, at('And'), at('And') + 3);
    const r = agreement(p, { unit: 'turn' });
    // turns: 1 neither, 2 only A, 3 both, 4 only B → po = .5, pe = .5, κ = 0
    expect(r.codes[0]).toMatchObject({ units: 4, percentAgreement: 0.5, kappa: 0 });
    expect(r.codes[0].alpha).toBeCloseTo(
      krippendorffAlpha(
        [
          ['0', '1', '1', '0'],
          ['0', '0', '1', '1'],
        ],
        'nominal',
      )!,
      12,
    );
    expect(agreement(p, { unit: 'char' }).codes[0].units).toBe(TURNS.length);
  });

  it('compares only documents two or more chosen coders coded, with missing values for the others', async () => {
    const { p, doc, x, y, coders } = await handMade();
    code(p, doc.Plain, x, coders.A, 0, 10);
    code(p, doc.Plain, x, coders.B, 5, 10);
    code(p, doc.Plain, y, coders.C, 50, 60);
    code(p, doc.Turns, x, coders.A, 0, 11);
    code(p, doc.Turns, y, coders.B, 13, 20);
    const three = agreement(p);
    expect(three.documents.map((d) => d.coders)).toEqual([
      ['Ana', 'Ben', 'Cai'],
      ['Ana', 'Ben'],
    ]);
    const units = PLAIN.length + TURNS.length;
    const col = (coder: 'A' | 'B' | 'C', codeId: string) => {
      const row: (string | null)[] = [];
      const spans = p.db.prepare('SELECT document_id, start, end FROM segments WHERE coder_id = ? AND code_id = ?').all(coders[coder], codeId) as {
        document_id: string;
        start: number;
        end: number;
      }[];
      for (const [id, text] of [
        [doc.Plain, PLAIN],
        [doc.Turns, TURNS],
      ] as const) {
        for (let i = 0; i < text.length; i++)
          row.push(coder === 'C' && id === doc.Turns ? null : spans.some((s) => s.document_id === id && s.start <= i && i < s.end) ? '1' : '0');
      }
      return row;
    };
    for (const c of three.codes) {
      const id = c.codeId!;
      expect(c.units).toBe(units);
      expect(c.kappa).toBeNull(); // three coders
      expect(c.alpha).toBeCloseTo(krippendorffAlpha([col('A', id), col('B', id), col('C', id)], 'nominal')!, 12);
    }
    // Two coders chosen: Cai's document-only coding no longer counts; kappa is back.
    const two = agreement(p, { coderIds: [coders.A, coders.B] });
    expect(two.codes.map((c) => c.code)).toEqual(['X', 'Y']);
    const ax = col('A', x);
    const bx = col('B', x);
    expect(two.codes[0].kappa).toBeCloseTo(cohenKappa(ax, bx)!, 12);
    expect(two.codes[0].percentAgreement).toBeCloseTo(percentAgreement(ax, bx), 12);
    // Pooled: the two codes' judgements together.
    const ay = col('A', y);
    const by = col('B', y);
    expect(two.pooled.kappa).toBeCloseTo(cohenKappa([...ax, ...ay], [...bx, ...by])!, 12);
    expect(two.pooled.units).toBe(units);
  });

  it('gives null, not 1 or 0, where a statistic is undefined, and refuses fewer than two coders', async () => {
    const { p, doc, x, y, coders } = await handMade({ 'Plain.txt': PLAIN });
    expect(() => agreement(p)).toThrow(/nobody has coded/);
    const only = code(p, doc.Plain, x, coders.A, 0, 10);
    expect(() => agreement(p)).toThrow(/only Ana has coded/);
    expect(() => agreement(p, { coderIds: [coders.A] })).toThrow(/choose at least two/);
    expect(() => agreement(p, { coderIds: [coders.A, 'nobody'] })).toThrow(/no coder "nobody"/);
    code(p, doc.Plain, x, coders.B, 0, 10);
    const same = agreement(p, { codeIds: [x, y] });
    expect(same.codes[0]).toMatchObject({ percentAgreement: 1, kappa: 1, alpha: 1 });
    // Y: nobody applied it, so every unit agrees "not coded": no variation, kappa and alpha undefined.
    expect(same.codes[1]).toMatchObject({ code: 'Y', units: 100, percentAgreement: 1, kappa: null, alpha: null });
    tombstoneSegment(p, only);
    expect(() => agreement(p)).toThrow(/only Ben has coded/);
  });

  it('matches the array functions on random codings (property)', async () => {
    const { p, doc, x, coders } = await handMade({ 'Plain.txt': PLAIN });
    const span = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 30 }));
    await fc.assert(
      fc.asyncProperty(fc.array(span, { maxLength: 4 }), fc.array(span, { maxLength: 4 }), fc.array(span, { maxLength: 3 }), async (sa, sb, sc) => {
        p.db.prepare('DELETE FROM segments').run();
        const all = { A: sa, B: sb, C: sc };
        for (const [who, spans] of Object.entries(all)) for (const [s, len] of spans) code(p, doc.Plain, x, coders[who as 'A'], s, Math.min(100, s + len));
        const present = (Object.keys(all) as ('A' | 'B' | 'C')[]).filter((k) => all[k].length > 0);
        if (present.length < 2) return;
        const row = (k: 'A' | 'B' | 'C') =>
          Array.from({ length: 100 }, (_, i) => (all[k].some(([s, len]) => s <= i && i < Math.min(100, s + len)) ? '1' : '0'));
        const r = agreement(p);
        const alpha = krippendorffAlpha(present.map(row), 'nominal');
        if (alpha === null) expect(r.codes[0].alpha).toBeNull();
        else expect(r.codes[0].alpha).toBeCloseTo(alpha, 9);
        if (present.length === 2) {
          const kappa = cohenKappa(row(present[0]), row(present[1]));
          if (kappa === null) expect(r.codes[0].kappa).toBeNull();
          else expect(r.codes[0].kappa).toBeCloseTo(kappa, 9);
          expect(r.codes[0].percentAgreement).toBeCloseTo(percentAgreement(row(present[0]), row(present[1])), 12);
        }
      }),
      { numRuns: 60 },
    );
  });
});
