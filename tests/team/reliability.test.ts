import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreement } from '../../electron/team/agreement';
import { drawSample, getSample, listSamples, sampleCoderCopy } from '../../electron/team/samples';
import { openProject, closeProject, type Project } from '../../electron/store/db';
import { createCase, setCaseAttribute } from '../../electron/cases/cases';
import { updateDocument } from '../../electron/store/documents';
import { currentCoder } from '../../electron/store/coders';
import { unitizingAlpha, unitizingPart } from '../../shared/reliability/unitizing';
import { gwetAC1, brennanPrediger } from '../../shared/reliability/chance';
import { krippendorffAlpha } from '../../shared/agreement';
import { tempDir } from '../helpers/temp';
import { code, handMade, PLAIN, TURNS } from './fixtures';

const expand = (length: number, spans: [number, number][]) => Array.from({ length }, (_, i) => (spans.some(([s, e]) => s <= i && i < e) ? 1 : 0));

describe('every coefficient on the same units', () => {
  it('AC1, Brennan–Prediger and αU of a code equal the pure functions on the expanded judgements', async () => {
    const { p, doc, x, coders } = await handMade({ 'Plain.txt': PLAIN });
    const a: [number, number][] = [
      [0, 40],
      [70, 80],
    ];
    const b: [number, number][] = [
      [20, 60],
      [72, 85],
    ];
    for (const [s, e] of a) code(p, doc.Plain, x, coders.A, s, e);
    for (const [s, e] of b) code(p, doc.Plain, x, coders.B, s, e);
    const r = agreement(p);
    const row = r.codes[0];
    const data = [expand(100, a), expand(100, b)];
    expect(row.ac1).toBeCloseTo(gwetAC1(data, 2)!, 12);
    expect(row.bp).toBeCloseTo(brennanPrediger(data, 2)!, 12);
    expect(row.alpha).toBeCloseTo(krippendorffAlpha(data, 'nominal')!, 12);
    expect(row.uAlpha).toBeCloseTo(unitizingAlpha([unitizingPart(100, [a, b])])!, 12);
    // one code: the pooled unitizing alpha is that code's
    expect(r.pooled.uAlpha).toBeCloseTo(row.uAlpha!, 12);
    expect(r.pooled.binaryUAlpha).toBeCloseTo(row.binaryUAlpha!, 12);
    expect(r.bootstrap).toBeNull();
    expect(row.ci).toBeUndefined();
  });

  it('identical coders agree perfectly on every coefficient; the intervals are [1, 1]', async () => {
    const { p, doc, x, y, coders } = await handMade();
    for (const c of [coders.A, coders.B]) {
      code(p, doc.Plain, x, c, 5, 30);
      code(p, doc.Plain, y, c, 20, 50);
      code(p, doc.Turns, x, c, 0, 12);
    }
    const r = agreement(p, { ci: 200, seed: 3, byDocument: true });
    for (const row of [...r.codes, r.pooled]) {
      for (const v of [row.percentAgreement, row.kappa, row.alpha, row.ac1, row.bp, row.uAlpha, row.binaryUAlpha]) expect(v).toBeCloseTo(1, 12);
      expect(row.ci?.alpha).toEqual([1, 1]);
      expect(row.pBelow).toEqual({ '0.667': 0, '0.8': 0 });
    }
    for (const v of [r.pooled.uAlpha2016, r.pooled.cuAlpha, r.pooled.CuAlpha]) expect(v).toBeCloseTo(1, 12);
    expect(r.byDocument?.map((d) => d.document)).toEqual(['Plain', 'Turns']);
    expect(r.byDocument?.[0].codes.map((c) => c.code)).toEqual(['X', 'Y']);
  });

  it('the same seed gives the same intervals; swapping the coders changes nothing', async () => {
    const { p, doc, x, coders } = await handMade();
    code(p, doc.Plain, x, coders.A, 0, 40);
    code(p, doc.Plain, x, coders.B, 10, 45);
    code(p, doc.Turns, x, coders.A, 0, 30);
    code(p, doc.Turns, x, coders.B, 26, 60);
    const one = agreement(p, { ci: 500, seed: 9, coderIds: [coders.A, coders.B] });
    const two = agreement(p, { ci: 500, seed: 9, coderIds: [coders.B, coders.A] });
    expect(two.codes).toEqual(one.codes.map((c) => expect.objectContaining({ ...c, kappa: expect.closeTo(c.kappa!, 12) })));
    const [lo, hi] = one.pooled.ci!.alpha!;
    expect(lo).toBeLessThanOrEqual(one.pooled.alpha!);
    expect(hi).toBeGreaterThanOrEqual(one.pooled.alpha!);
  });

  it('breaks agreement down per pair of coders when more than two are compared', async () => {
    const { p, doc, x, coders } = await handMade({ 'Plain.txt': PLAIN, 'Turns.txt': TURNS });
    code(p, doc.Plain, x, coders.A, 0, 40);
    code(p, doc.Plain, x, coders.B, 0, 40);
    code(p, doc.Plain, x, coders.C, 50, 90);
    const r = agreement(p, { byPair: true });
    expect(r.byPair?.map((q) => q.coders)).toEqual([
      ['Ana', 'Ben'],
      ['Ana', 'Cai'],
      ['Ben', 'Cai'],
    ]);
    expect(r.byPair?.[0].pooled.alpha).toBe(1);
    expect(r.byPair?.[1].pooled.alpha).toBeLessThan(0);
  });
});

async function stratified(): Promise<{ p: Project; docs: Record<string, string> }> {
  const texts = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Doc ${String(i).padStart(2, '0')}.txt`, `${PLAIN} ${i}`]));
  const { p, doc } = await handMade(texts);
  const coder = currentCoder(p).id;
  const cases = ['Africa', 'Europe', 'Asia'].map((continent) => {
    const c = createCase(p, `School in ${continent}`);
    setCaseAttribute(p, c.id, 'continent', continent);
    return c.id;
  });
  Object.values(doc).forEach((id, i) => updateDocument(p, id, { caseId: cases[i % 3] }, coder));
  return { p, docs: doc };
}

describe('reliability samples', () => {
  it('draws N documents per stratum with a seed, records the draw and repeats it with the same seed', async () => {
    const { p } = await stratified();
    const s = drawSample(p, { name: 'Pilot', documents: 1, by: ['continent'], seed: 5 });
    expect(s.documents).toHaveLength(3);
    expect(new Set(s.documents.map((d) => d.stratum))).toEqual(new Set(['Africa', 'Europe', 'Asia']));
    expect(s).toMatchObject({ name: 'Pilot', size: { documents: 1 }, stratifiedBy: 'continent', seed: 5 });
    const again = drawSample(p, { name: 'Pilot again', documents: 1, by: ['continent'], seed: 5 });
    expect(again.documents.map((d) => d.id)).toEqual(s.documents.map((d) => d.id));
    const percent = drawSample(p, { name: 'Quarter', percent: 25, seed: 5 });
    expect(percent.documents).toHaveLength(3);
    expect(listSamples(p).map((x) => x.name)).toEqual(['Pilot', 'Pilot again', 'Quarter']);
    expect(() => drawSample(p, { name: 'pilot', documents: 1 })).toThrow(/already exists/);
    expect(() => drawSample(p, { name: 'X', documents: 1, by: ['phase'] })).toThrow(/no case attribute "phase"/);
    expect(() => drawSample(p, { name: 'Y' })).toThrow(/either a number of documents or a percentage/);
    expect(listSamples(p)).toHaveLength(3);
  });

  it('makes coder copies of exactly the sample and computes agreement on it alone', async () => {
    const { p, docs } = await stratified();
    const s = drawSample(p, { name: 'Pilot', documents: 2, seed: 11 });
    const dir = tempDir();
    const copy = sampleCoderCopy(p, 'pilot', join(dir, 'ana.fieldcode'), 'Ana');
    expect(copy.documents).toBe(2);
    const c = openProject(copy.path);
    expect((c.db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as string[]).sort()).toEqual(s.documents.map((d) => d.id).sort());
    expect(c.db.prepare('SELECT count(*) FROM reliability_samples').pluck().get()).toBe(0);
    closeProject(c);
    const ids = Object.values(docs);
    const [x] = p.db.prepare('SELECT id FROM codes ORDER BY name').pluck().all() as string[];
    const coders = p.db.prepare("SELECT id FROM coders WHERE name IN ('Ana', 'Ben') ORDER BY name").pluck().all() as string[];
    for (const id of ids) for (const coder of coders) code(p, id, x, coder, 0, 20);
    expect(agreement(p).documents).toHaveLength(12);
    const onSample = agreement(p, { sample: 'Pilot' });
    expect(onSample.documents.map((d) => d.id).sort()).toEqual(s.documents.map((d) => d.id).sort());
    expect(onSample.sample).toEqual({ id: s.id, name: 'Pilot' });
    expect(() => agreement(p, { sample: 'nope' })).toThrow(/no reliability sample "nope"/);
    expect(getSample(p, s.id).name).toBe('Pilot');
    expect(readFileSync(copy.path).length).toBeGreaterThan(0);
  });
});
