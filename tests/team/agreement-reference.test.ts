import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement } from '../../electron/team/agreement';
import { createCode } from '../../electron/codebook/codebook';
import type { Units } from '../../shared/reliability/unitizing';
import { naiveCoincidences, naiveUnitizing } from '../shared/reliability/naive';
import { code, handMade, PLAIN, TURNS } from './fixtures';

// The optimised agreement path (sweeps, coverage histograms, margins instead of
// coincidence matrices, documents without a code as weighted gaps, pairs from data
// read once) against a straightforward reference on random codings of a real
// project: every character of every document expanded, every coder pair visited,
// full coincidence matrices — no shortcut of the production code.

type Span = { start: number; end: number; label: number };

/** A coder's units of one code in one document: the characters they coded with it, as runs. */
function unitsOf(length: number, spans: Span[]): Units {
  const out: [number, number][] = [];
  for (let x = 0; x < length; x++) {
    if (!spans.some((s) => s.start <= x && x < s.end)) continue;
    const last = out[out.length - 1];
    if (last && last[1] === x) last[1] = x + 1;
    else out.push([x, x + 1]);
  }
  return out;
}

/** Each coder's sections, character by character: runs of the same value (the set of labels there, "" = gap). */
function sectionSquares(length: number, coders: Span[][], into: Map<string, number>): void {
  for (const spans of coders) {
    const value = (x: number) => [...new Set(spans.filter((s) => s.start <= x && x < s.end).map((s) => s.label))].sort((a, b) => a - b).join(',');
    let start = 0;
    for (let x = 1; x <= length; x++) {
      if (x < length && value(x) === value(start)) continue;
      const l = x - start;
      const key = value(start);
      into.set(key, (into.get(key) ?? 0) + (key === '' ? l : l * l));
      start = x;
    }
  }
}

/** uα from the full coincidence matrix: 1 − Σ_{c≠k} l_ck / Σ_{c≠k} e_ck, e_ck = l··(l_c· l_·k − [c=k]S_c)/(l··² − ΣS). */
function naiveUAlpha(pairs: Map<string, number>, squares: Map<string, number>): number | null {
  const row = new Map<string, number>();
  let total = 0;
  for (const [k, v] of pairs) {
    const c = k.split('|')[0];
    row.set(c, (row.get(c) ?? 0) + v);
    total += v;
  }
  const S = [...squares.values()].reduce((s, x) => s + x, 0);
  let observed = 0;
  let expected = 0;
  for (const [c, rc] of row) {
    for (const [k, rk] of row) {
      if (c === k) continue;
      observed += pairs.get(`${c}|${k}`) ?? 0;
      expected += (total * rc * rk) / (total * total - S);
    }
  }
  return expected > 0 ? 1 - observed / expected : null;
}

/**
 * Each coded section g of each coder i, against each other coder j: |g ∩ coded matter of j|²,
 * divided by m − 1 and summed per value — cuα's indivisible intersections.
 */
function intersectionSquares(length: number, coders: Span[][], into: Map<string, number>): void {
  const m = coders.length;
  const value = (spans: Span[], x: number) => [...new Set(spans.filter((s) => s.start <= x && x < s.end).map((s) => s.label))].sort((a, b) => a - b).join(',');
  coders.forEach((spans, i) => {
    let start = 0;
    for (let x = 1; x <= length; x++) {
      if (x < length && value(spans, x) === value(spans, start)) continue;
      const key = value(spans, start);
      if (key !== '') {
        coders.forEach((other, j) => {
          if (j === i) return;
          let meet = 0;
          for (let y = start; y < x; y++) if (value(other, y) !== '') meet++;
          into.set(key, (into.get(key) ?? 0) + (meet * meet) / (m - 1));
        });
      }
      start = x;
    }
  });
}

/**
 * cuα from the full matrix of the coded values (gaps left out), Krippendorff et al. (2016)
 * as implemented independently: e_ck = (l_c· l_·k − [c=k] I_c) / (l·· − Σ I / l··), cuα = 1 − Σ_{c≠k} l_ck / Σ_{c≠k} e_ck.
 */
function naiveCuAlpha(pairs: Map<string, number>, intersections: Map<string, number>): number | null {
  const row = new Map<string, number>();
  let total = 0;
  for (const [k, v] of pairs) {
    const [c, d] = k.split('|');
    if (c === '' || d === '') continue;
    row.set(c, (row.get(c) ?? 0) + v);
    total += v;
  }
  const I = [...intersections.values()].reduce((s, x) => s + x, 0);
  let observed = 0;
  let expected = 0;
  for (const [c, rc] of row) {
    for (const [k, rk] of row) {
      if (c === k) continue;
      observed += pairs.get(`${c}|${k}`) ?? 0;
      expected += (rc * rk) / (total - I / total);
    }
  }
  return total > 0 && expected > 0 ? 1 - observed / expected : null;
}

const addAll = (into: Map<string, number>, from: Map<string, number>) => from.forEach((v, k) => into.set(k, (into.get(k) ?? 0) + v));
const close = (got: number | null | undefined, want: number | null) => (want === null ? expect(got ?? null).toBeNull() : expect(got).toBeCloseTo(want, 9));

describe('agreement against a character-by-character reference (property)', () => {
  it('αU and |uα per code, uα, cuα and Cuα pooled, on random codings of three coders, two documents and three codes', async () => {
    const { p, doc, x, y, coders } = await handMade({ 'Plain.txt': PLAIN, 'Turns.txt': TURNS });
    const sub = createCode(p, { name: 'Sub', parentId: x }).id;
    const docs = [
      { id: doc.Plain, length: PLAIN.length },
      { id: doc.Turns, length: TURNS.length },
    ];
    const codes = [x, sub, y];
    const family = [0, 0, 1]; // Sub is in X's family
    const who = [coders.A, coders.B, coders.C];
    const span = fc.record({
      doc: fc.integer({ min: 0, max: 1 }),
      code: fc.integer({ min: 0, max: 2 }),
      start: fc.integer({ min: 0, max: 99 }),
      length: fc.integer({ min: 1, max: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.tuple(fc.array(span, { maxLength: 6 }), fc.array(span, { maxLength: 6 }), fc.array(span, { maxLength: 6 })), async (byCoder) => {
        p.db.prepare('DELETE FROM segments').run();
        // every coder marks the first character of each document with Y, so that all three are compared everywhere
        const spans: Span[][][] = docs.map(() => who.map(() => [{ start: 0, end: 1, label: 2 }]));
        byCoder.forEach((list, c) => {
          for (const s of list) {
            const length = docs[s.doc].length;
            spans[s.doc][c].push({ start: Math.min(s.start, length - 1), end: Math.min(length, s.start + s.length), label: s.code });
          }
        });
        spans.forEach((perCoder, d) => perCoder.forEach((list, c) => list.forEach((s) => code(p, docs[d].id, codes[s.label], who[c], s.start, s.end))));
        const r = agreement(p);
        expect(r.documents).toHaveLength(2);
        for (const row of r.codes) {
          const label = codes.indexOf(row.codeId!);
          const own = (d: number) => spans[d].map((list) => list.filter((s) => s.label === label));
          const u = naiveUnitizing(docs.map((d, k) => ({ length: d.length, coders: own(k).map((list) => unitsOf(d.length, list)) })));
          close(row.uAlpha, u.expected > 0 ? 1 - u.observed / u.expected : null);
          const pairs = new Map<string, number>();
          const squares = new Map<string, number>();
          docs.forEach((d, k) => {
            const collapsed = own(k).map((list) => list.map((s) => ({ ...s, label: 0 })));
            addAll(pairs, naiveCoincidences(d.length, collapsed));
            sectionSquares(d.length, collapsed, squares);
          });
          close(row.binaryUAlpha, naiveUAlpha(pairs, squares));
        }
        const pooled = (relabel: (l: number) => number) => {
          const pairs = new Map<string, number>();
          const squares = new Map<string, number>();
          const intersections = new Map<string, number>();
          docs.forEach((d, k) => {
            const relabelled = spans[k].map((list) => list.map((s) => ({ ...s, label: relabel(s.label) })));
            addAll(pairs, naiveCoincidences(d.length, relabelled));
            sectionSquares(d.length, relabelled, squares);
            intersectionSquares(d.length, relabelled, intersections);
          });
          return { pairs, squares, intersections };
        };
        const all = pooled((l) => l);
        close(r.pooled.uAlpha2016, naiveUAlpha(all.pairs, all.squares));
        close(r.pooled.cuAlpha, naiveCuAlpha(all.pairs, all.intersections));
        const families = pooled((l) => family[l]);
        close(r.pooled.CuAlpha, naiveCuAlpha(families.pairs, families.intersections));
        const any = pooled(() => 0);
        close(r.pooled.binaryUAlpha, naiveUAlpha(any.pairs, any.squares));
        // per pair: the data read once and restricted equals agreement computed for the two coders alone
        const byPair = agreement(p, { byPair: true }).byPair!;
        expect(byPair).toHaveLength(3);
        for (const pair of byPair) expect(pair.pooled).toEqual(agreement(p, { coderIds: pair.coders }).pooled);
      }),
      { numRuns: 40 },
    );
  });

  it('swapping coders changes no coefficient or interval, the same seed gives the same report, identical coders give 1 wherever defined', async () => {
    const { p, doc, x, y, coders } = await handMade({ 'Plain.txt': PLAIN, 'Turns.txt': TURNS });
    const sub = createCode(p, { name: 'Sub', parentId: x }).id;
    const docs = [
      { id: doc.Plain, length: PLAIN.length },
      { id: doc.Turns, length: TURNS.length },
    ];
    const codes = [x, sub, y];
    const span = fc.record({
      doc: fc.integer({ min: 0, max: 1 }),
      code: fc.integer({ min: 0, max: 2 }),
      start: fc.integer({ min: 0, max: 99 }),
      length: fc.integer({ min: 1, max: 40 }),
    });
    const numbers = (r: ReturnType<typeof agreement>) => JSON.stringify([r.codes, r.pooled]);
    await fc.assert(
      fc.asyncProperty(fc.array(span, { minLength: 1, maxLength: 6 }), fc.array(span, { minLength: 1, maxLength: 6 }), fc.nat(1000), async (a, b, seed) => {
        p.db.prepare('DELETE FROM segments').run();
        const put = (list: typeof a, coder: string) => {
          for (const s of list) {
            const length = docs[s.doc].length;
            code(p, docs[s.doc].id, codes[s.code], coder, Math.min(s.start, length - 1), Math.min(length, s.start + s.length));
          }
        };
        put(a, coders.A);
        put(b, coders.B);
        const ab = agreement(p, { coderIds: [coders.A, coders.B], ci: 100, seed });
        const ba = agreement(p, { coderIds: [coders.B, coders.A], ci: 100, seed });
        expect(numbers(agreement(p, { coderIds: [coders.A, coders.B], ci: 100, seed }))).toBe(numbers(ab));
        for (const [one, two] of [...ab.codes.map((c, i) => [c, ba.codes[i]] as const), [ab.pooled, ba.pooled] as const]) {
          for (const [key, v] of Object.entries(one)) {
            const w = (two as unknown as Record<string, unknown>)[key];
            if (typeof v === 'number') expect(w).toBeCloseTo(v, 9);
            else if (key === 'ci') {
              for (const k of ['alpha', 'uAlpha'] as const) {
                const [lo, hi] = (v as typeof one.ci)?.[k] ?? [null, null];
                if (lo === null) expect((w as typeof one.ci)?.[k] ?? null).toBeNull();
                else expect((w as typeof one.ci)![k]).toEqual([expect.closeTo(lo, 9), expect.closeTo(hi!, 9)]);
              }
            } else if (typeof v !== 'object' || v === null) expect(w).toEqual(v);
          }
        }
        // B becomes a copy of A
        p.db.prepare('DELETE FROM segments WHERE coder_id = ?').run(coders.B);
        put(a, coders.B);
        const same = agreement(p, { coderIds: [coders.A, coders.B] });
        for (const row of [...same.codes, same.pooled]) {
          for (const v of [row.percentAgreement, row.kappa, row.alpha, row.ac1, row.bp, row.uAlpha, row.binaryUAlpha])
            if (v !== null) expect(v).toBeCloseTo(1, 9);
        }
        for (const v of [same.pooled.uAlpha2016, same.pooled.cuAlpha, same.pooled.CuAlpha]) if (v !== null) expect(v).toBeCloseTo(1, 9);
      }),
      { numRuns: 30 },
    );
  });
});
