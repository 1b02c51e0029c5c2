import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { agreement } from '../../electron/team/agreement';
import { ensureCoder } from '../../electron/store/coders';
import { closeProject, openProject } from '../../electron/store/db';
import { rng, SCALE } from './corpus';
import type { BenchContext } from './sections';

// Reliability budgets (issue 13): agreement with every coefficient (percent
// agreement, kappa, alpha, AC1, Brennan–Prediger, the 2004 unitizing alpha per
// code and the 2016 family pooled) for every code × 2 coders on the corpus ≤ 1 s,
// and with 1,000 bootstrap draws ≤ 5 s — beside the floor of reading the same
// segments from SQLite in the same run.

export async function benchReliability(ctx: BenchContext): Promise<void> {
  const path = join(ctx.dir, 'reliability.fieldcode');
  copyFileSync(ctx.master, path);
  const p = openProject(path);
  try {
    const rand = rng(13);
    const docs = p.db.prepare('SELECT id, chars FROM documents WHERE deleted_at IS NULL ORDER BY id').all() as { id: string; chars: number }[];
    const codes = p.db.prepare('SELECT id FROM codes WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
    const coders = [ensureCoder(p, 'Reliability A').id, ensureCoder(p, 'Reliability B').id];
    const insert = p.db.prepare(
      'INSERT INTO segments (id, document_id, code_id, coder_id, start, end, memo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    let n = 0;
    p.db.transaction(() => {
      // both coders code the same passages with jittered boundaries; now and then one picks another code or skips it
      for (let i = 0; i < SCALE.segmentsPerCoder; i++) {
        const d = docs[Math.floor(rand() * docs.length)];
        const length = 40 + Math.floor(rand() * 400);
        const start = Math.floor(rand() * (d.chars - length));
        const code = codes[i % codes.length];
        for (const coder of coders) {
          if (rand() < 0.08) continue;
          const s = Math.max(0, start + Math.floor((rand() - 0.5) * 40));
          const e = Math.min(d.chars, Math.max(s + 1, start + length + Math.floor((rand() - 0.5) * 40)));
          const now = p.now();
          insert.run(`rel-${++n}`, d.id, rand() < 0.1 ? codes[Math.floor(rand() * codes.length)] : code, coder, s, e, '', now, now);
        }
      }
    })();
    const started = performance.now();
    p.db.prepare('SELECT id, document_id, code_id, coder_id, start, end FROM segments WHERE deleted_at IS NULL').all();
    const floorMs = performance.now() - started;
    // the machine may be shared: CPU time beside wall time says how much was ours
    const cpu = (f: () => unknown) => {
      const before = process.cpuUsage();
      const t = performance.now();
      const value = f();
      const used = process.cpuUsage(before);
      return { value, ms: performance.now() - t, cpu: `CPU ${((used.user + used.system) / 1000).toFixed(0)} ms` };
    };
    const first = cpu(() => agreement(p, { coderIds: coders }));
    const r = first.value as ReturnType<typeof agreement>;
    const ms = first.ms;
    ctx.report({
      operation: `agreement, all coefficients, ${r.codes.length} codes × 2 coders`,
      ms,
      floorMs,
      budgetMs: 1000,
      note: `${first.cpu}; ${r.documents.length} documents; pooled α ${r.pooled.alpha?.toFixed(3)}, αU ${r.pooled.uAlpha?.toFixed(3)}, AC1 ${r.pooled.ac1?.toFixed(3)}`,
    });
    const ci = cpu(() => agreement(p, { coderIds: coders, ci: 1000, seed: 1 }));
    const [lo, hi] = (ci.value as ReturnType<typeof agreement>).pooled.ci?.alpha ?? [NaN, NaN];
    ctx.report({
      operation: 'the same with --ci 1000 (bootstrap)',
      ms: ci.ms,
      floorMs,
      budgetMs: 5000,
      note: `${ci.cpu}; pooled α 95 % CI [${lo.toFixed(3)}, ${hi.toFixed(3)}]`,
    });
    const byDocument = cpu(() => agreement(p, { coderIds: coders, byDocument: true }));
    ctx.report({ operation: 'the same --by-document', ms: byDocument.ms, floorMs, note: `${byDocument.cpu}; no budget: a check` });
  } finally {
    closeProject(p);
  }
}
