import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { agreement } from '../../electron/team/agreement';
import { coderCopy } from '../../electron/team/coder-copy';
import { merge } from '../../electron/team/merge/merge';
import { closeProject, openProject, type Project } from '../../electron/store/db';
import { rng, SCALE } from './corpus';
import type { BenchContext } from './sections';
import { textFloorBytes } from './size';
import { sizeLine } from './startup';

// Teamwork budgets (DESIGN.md): merge 10 coder copies of the NSSP-scale corpus
// ≤ 3 s, merging them again ≤ 1 s, agreement for all codes ≤ 1 s — each printed
// beside the floor SQLite itself sets for the same rows in this run.
// Ten coders each code 5,000 passages: most are a shared set of passages coded
// with jittered boundaries (and now and then another code), the rest their own.

interface Passage {
  doc: string;
  chars: number;
  code: string;
  start: number;
  end: number;
}

function sharedPassages(p: Project, count: number, rand: () => number): { passages: Passage[]; leaves: string[] } {
  const docs = p.db.prepare('SELECT id, chars FROM documents WHERE deleted_at IS NULL ORDER BY id').all() as { id: string; chars: number }[];
  const leaves = p.db
    .prepare('SELECT id FROM codes c WHERE deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM codes k WHERE k.parent_id = c.id) ORDER BY id')
    .pluck()
    .all() as string[];
  const passages: Passage[] = [];
  for (let i = 0; i < count; i++) {
    const d = docs[Math.floor(rand() * docs.length)];
    const length = 40 + Math.floor(rand() * 400);
    const start = Math.floor(rand() * (d.chars - length));
    passages.push({ doc: d.id, chars: d.chars, code: leaves[Math.floor(rand() * leaves.length)], start, end: start + length });
  }
  return { passages, leaves };
}

/** One coder's 5,000 segments, written into their copy as the coding service would store them. */
function codeCopy(path: string, shared: Passage[], leaves: string[], rand: () => number): void {
  const p = openProject(path);
  const coder = p.db.prepare("SELECT value FROM settings WHERE key = 'coder'").pluck().get() as string;
  const insert = p.db.prepare(
    'INSERT INTO segments (id, document_id, code_id, coder_id, start, end, memo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  p.db.transaction(() => {
    for (const base of shared) {
      const own = rand() < 0.15;
      const jitter = () => Math.floor((rand() - 0.5) * 40);
      const start = own ? Math.floor(rand() * (base.chars - 200)) : Math.max(0, base.start + jitter());
      const end = Math.min(base.chars, Math.max(start + 1, (own ? start + 150 : base.end) + jitter()));
      const code = own || rand() < 0.1 ? leaves[Math.floor(rand() * leaves.length)] : base.code;
      const now = p.now();
      insert.run(randomUUID(), base.doc, code, coder, start, end, rand() < 0.1 ? 'a memo' : '', now, now);
    }
  })();
  closeProject(p);
}

/** The floor for merging: the same coders and segments as plain INSERT … SELECT from the attached copies, one transaction. */
function mergeFloor(master: string, copies: string[], dir: string): { insert: number; read: number } {
  const floor = join(dir, 'team-floor.fieldcode');
  copyFileSync(master, floor);
  const db = new Database(floor);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  let started = performance.now();
  copies.forEach((c, i) => db.prepare(`ATTACH ? AS c${i}`).run(c));
  let rows = 0;
  copies.forEach((_, i) => (rows += db.prepare(`SELECT * FROM c${i}.segments`).all().length));
  const read = performance.now() - started;
  copies.forEach((_, i) => db.exec(`DETACH c${i}`));
  started = performance.now();
  copies.forEach((c, i) => db.prepare(`ATTACH ? AS c${i}`).run(c));
  db.transaction(() => {
    copies.forEach((_, i) => {
      db.exec(`INSERT OR IGNORE INTO coders SELECT * FROM c${i}.coders; INSERT INTO segments SELECT * FROM c${i}.segments;`);
    });
  })();
  const insert = performance.now() - started;
  copies.forEach((_, i) => db.exec(`DETACH c${i}`));
  db.close();
  if (rows !== SCALE.coders * SCALE.segmentsPerCoder) throw new Error(`the floor read ${rows} segments`);
  return { insert, read };
}

export async function benchTeam(ctx: BenchContext): Promise<void> {
  const path = join(ctx.dir, 'team-master.fieldcode');
  copyFileSync(ctx.master, path);
  const master = openProject(path);
  const rand = rng(11);
  const { passages, leaves } = sharedPassages(master, SCALE.segmentsPerCoder, rand);
  const copies: string[] = [];
  const copyMs: number[] = [];
  let copyBytes = 0;
  for (let i = 1; i <= SCALE.coders; i++) {
    const copy = join(ctx.dir, `coder-${i}.fieldcode`);
    const started = performance.now();
    coderCopy(master, copy, `Coder ${i}`);
    copyMs.push(performance.now() - started);
    if (i === 1) copyBytes = statSync(copy).size;
    codeCopy(copy, passages, leaves, rand);
    copies.push(copy);
  }
  // The floor of a coder copy: copying the master file byte for byte.
  const copyStarted = performance.now();
  copyFileSync(ctx.master, join(ctx.dir, 'plain-copy.fieldcode'));
  const plainCopyMs = performance.now() - copyStarted;
  const size = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
  // The copy's size beside its text and beside the text alone in SQLite (the floor).
  const texts = master.db.prepare('SELECT text FROM documents WHERE deleted_at IS NULL').pluck().all() as string[];
  const textBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  console.log(sizeLine('coder copy (all documents, before coding)', copyBytes, textBytes, 1.4, textFloorBytes(ctx.dir, texts)));
  ctx.report({
    operation: 'coder copy of the master (median of 10)',
    ms: copyMs.sort((a, b) => a - b)[5],
    floorMs: plainCopyMs,
    note: `floor: copying the file; copy ${size(copyBytes)} (before coding), master ${size(statSync(ctx.master).size)}`,
  });
  try {
    let started = performance.now();
    let cpu = process.cpuUsage();
    const cpuNote = () => {
      const used = process.cpuUsage(cpu);
      return `CPU ${((used.user + used.system) / 1000).toFixed(0)} ms (all threads)`;
    };
    const first = await merge(master, copies);
    const mergeMs = performance.now() - started;
    const mergeCpu = cpuNote();
    started = performance.now();
    cpu = process.cpuUsage();
    const again = await merge(master, copies);
    const againMs = performance.now() - started;
    // Files that were written since (here: only touched) are read and hashed again.
    for (const c of copies) utimesSync(c, new Date(), new Date());
    started = performance.now();
    cpu = process.cpuUsage();
    const touched = await merge(master, copies);
    const touchedMs = performance.now() - started;
    const touchedCpu = cpuNote();
    started = performance.now();
    const forced = await merge(master, copies, { force: true });
    const forcedMs = performance.now() - started;
    if (first.totals.segments.new !== SCALE.coders * SCALE.segmentsPerCoder || again.changed || touched.changed || forced.changed)
      throw new Error('the bench merge is wrong');
    const floor = mergeFloor(ctx.master, copies, ctx.dir);
    ctx.report({
      operation: `merge ${copies.length} coder copies (${first.totals.segments.new} segments)`,
      ms: mergeMs,
      floorMs: floor.insert,
      budgetMs: 3000,
      note: mergeCpu,
    });
    ctx.report({ operation: 'merge them again (files unchanged)', ms: againMs, floorMs: floor.read, budgetMs: 1000 });
    ctx.report({
      operation: 'merge them again (files touched: re-read)',
      ms: touchedMs,
      floorMs: floor.read,
      note: `a check: reads and hashes ${copies.length} files; ${touchedCpu}`,
    });
    ctx.report({ operation: 'merge them again row by row (--force)', ms: forcedMs, floorMs: floor.read, note: 'no budget: a check' });

    for (const unit of ['char', 'turn'] as const) {
      started = performance.now();
      cpu = process.cpuUsage();
      const r = agreement(master, { unit });
      const ms = performance.now() - started;
      const agreementCpu = cpuNote();
      started = performance.now();
      master.db.prepare('SELECT id, document_id, code_id, coder_id, start, end FROM segments WHERE deleted_at IS NULL').all();
      if (unit === 'turn') master.db.prepare('SELECT document_id, start, end FROM turns').all();
      const floorMs = performance.now() - started;
      ctx.report({
        operation: `agreement, ${r.codes.length} codes × ${r.coders.length} coders (${unit})`,
        ms,
        floorMs,
        budgetMs: 1000,
        note: `${agreementCpu}; pooled α ${r.pooled.alpha?.toFixed(3) ?? '—'}, ${r.documents.length} documents`,
      });
    }
  } finally {
    closeProject(master);
  }
}
