import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchImport } from './import';
import { benchStartup, benchWholeImport, sizeLine } from './startup';
import { makeTranscripts, writeCorpus, SCALE } from './corpus';
import { textFloorBytes } from './size';

// `npm run bench`: prints each operation's time beside the floor SQLite itself sets
// for the same rows in the same run. Figures, not assertions: budgets are in DESIGN.md.

export interface Figure {
  operation: string;
  ms: number;
  floorMs?: number;
  budgetMs?: number;
  note?: string;
}

function line(f: Figure): string {
  const ratio = f.floorMs ? `${(f.ms / f.floorMs).toFixed(2)}× floor (${f.floorMs.toFixed(0)} ms)` : '';
  const budget = f.budgetMs ? (f.ms <= f.budgetMs ? `within ${f.budgetMs} ms` : `OVER ${f.budgetMs} ms budget`) : '';
  return `${f.operation.padEnd(44)} ${`${f.ms.toFixed(0)} ms`.padStart(9)}  ${ratio.padEnd(26)} ${budget}${f.note ? `  ${f.note}` : ''}`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldcode-bench-'));
  const figures: Figure[] = [];
  const report = (f: Figure) => {
    figures.push(f);
    console.log(line(f));
  };
  try {
    const files = makeTranscripts();
    const words = files.reduce((n, f) => n + f.text.split(/\s+/).length, 0);
    console.log(`Fieldcode benchmark — ${files.length} transcripts, ${(words / 1e6).toFixed(2)} M words, ${SCALE.cases} cases (node ${process.version})`);
    writeCorpus(join(dir, 'corpus'), files);
    const master = await benchImport(dir, report);
    const textBytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
    const floorBytes = textFloorBytes(
      dir,
      files.map((f) => f.text),
    );
    console.log(sizeLine('project file of the corpus', statSync(master).size, textBytes, 1.4, floorBytes));
    benchWholeImport(dir, join(dir, 'corpus'), report);
    benchStartup(master, report);
    const extras = await import('./sections');
    await extras.runSections({ dir, master, report });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const over = figures.filter((f) => f.budgetMs && f.ms > f.budgetMs);
  console.log(over.length ? `${over.length} operation(s) over budget` : 'all operations within budget');
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.stack : e}`);
  process.exit(1);
});
