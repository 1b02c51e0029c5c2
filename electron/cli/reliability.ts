import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { AgreementReport, AgreementRow, PooledAgreementRow, ReliabilitySample } from '../../shared/api/team';
import { InputError } from '../../shared/errors';
import { formatCoefficient as f, formatInterval, formatShare } from '../../shared/reliability/format';
import { print, printJson, printTable, withProject } from './output';
import { exportWithProgress } from './progress';

// fieldcode agreement <project> --coders A,B[,C…] [--unit char|turn] [--ci N] [--seed S]
//         [--docs NAME,…] [--sample NAME] [--by-document] [--json] [-o OUT.csv|OUT.xlsx]
// fieldcode sample <project> --name NAME (--docs N | --percent P) [--by ATTR[,ATTR]] [--seed S] [--json]
// fieldcode methods <project> --coders A,B --sample NAME -o OUT.md|OUT.docx [--ci N] [--seed S] [--unit char|turn]
// The use cases are imported inside each command so other commands start at once.

/** Bootstrap draws when intervals are asked for without a number (the methods paragraph always has them). */
const DEFAULT_DRAWS = 1000;

const list = (value?: string) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function whole(value: string | undefined, option: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InputError(`${option} must be a whole number of at least ${min}, not "${value}"`);
  return n;
}

function unitOf(value: string): 'char' | 'turn' {
  if (value !== 'char' && value !== 'turn') throw new InputError(`--unit must be char or turn, not "${value}"`);
  return value;
}

/** The --json shape: the existing keys (code, units, percentAgreement, kappa, alpha) and the new coefficients; ci and pBelow only with --ci. */
function jsonRow(r: AgreementRow, withCi: boolean) {
  const base = {
    code: r.code,
    units: r.units,
    percentAgreement: r.percentAgreement,
    kappa: r.kappa,
    alpha: r.alpha,
    ac1: r.ac1,
    bp: r.bp,
    uAlpha: r.uAlpha,
    binaryUAlpha: r.binaryUAlpha,
  };
  return withCi ? { ...base, ci: r.ci ?? { alpha: null, uAlpha: null }, pBelow: r.pBelow ?? null, pBelowUAlpha: r.pBelowUAlpha ?? null } : base;
}

function jsonPooled(r: PooledAgreementRow, withCi: boolean) {
  return { ...jsonRow(r, withCi), uAlpha2016: r.uAlpha2016, cuAlpha: r.cuAlpha, CuAlpha: r.CuAlpha };
}

function printRows(r: AgreementReport, rows: AgreementRow[]): void {
  const ci = r.bootstrap !== null;
  printTable(
    [
      'code',
      'units',
      '% agreement',
      'kappa',
      'alpha',
      ...(ci ? ['alpha 95% CI', 'P(<.667)', 'P(<.8)'] : []),
      'AC1',
      'BP',
      'uAlpha',
      ...(ci ? ['uAlpha 95% CI'] : []),
    ],
    rows.map((c) => [
      c.code ?? '',
      c.units,
      formatShare(c.percentAgreement),
      f(c.kappa),
      f(c.alpha),
      ...(ci ? [formatInterval(c.ci?.alpha), f(c.pBelow?.['0.667']), f(c.pBelow?.['0.8'])] : []),
      f(c.ac1),
      f(c.bp),
      f(c.uAlpha),
      ...(ci ? [formatInterval(c.ci?.uAlpha)] : []),
    ]),
  );
}

function printReport(r: AgreementReport): void {
  const unit = r.unit === 'char' ? 'characters' : 'speaker turns';
  const sample = r.sample ? ` (reliability sample "${r.sample.name}")` : '';
  print(`Agreement of ${r.coders.map((c) => c.name).join(', ')} on ${r.documents.length} document(s)${sample} coded by two or more of them; unit: ${unit}`);
  if (r.bootstrap) print(`Bootstrap: ${r.bootstrap.draws} resamples of documents, seed ${r.bootstrap.seed}`);
  printRows(r, [...r.codes, { ...r.pooled, code: '(pooled)' }]);
  const p = r.pooled;
  print(
    `Unitizing, all codes (Krippendorff et al. 2016): u-alpha ${f(p.uAlpha2016)}, |u-alpha ${f(p.binaryUAlpha)}, cu-alpha ${f(p.cuAlpha)}; Cu-alpha (cu-alpha over code families) ${f(p.CuAlpha)}`,
  );
  for (const d of r.byDocument ?? []) {
    print();
    print(`${d.document} (${d.coders.join(', ')})`);
    printRows(r, [...d.codes, { ...d.pooled, code: '(pooled)' }]);
  }
  if (r.byPair?.length) {
    print();
    print('Per pair of coders (pooled over codes):');
    printTable(
      ['coders', 'documents', 'alpha', 'AC1', 'uAlpha'],
      r.byPair.map((x) => [x.coders.join(' & '), x.documents, f(x.pooled.alpha), f(x.pooled.ac1), f(x.pooled.uAlpha)]),
    );
  }
}

function printSample(s: ReliabilitySample): void {
  const size = 'documents' in s.size ? `${s.size.documents} document(s)` : `${s.size.percent} %`;
  print(`Sample "${s.name}": ${s.documents.length} document(s) — ${size}${s.stratifiedBy ? ` per stratum of ${s.stratifiedBy}` : ''}, seed ${s.seed}`);
  printTable(
    ['document', 'stratum'],
    s.documents.map((d) => [d.name, d.stratum ?? '']),
  );
}

export function registerReliabilityCommands(program: Command): void {
  program
    .command('agreement <project>')
    .description(
      "inter-coder agreement per code and pooled: percent agreement, Cohen's kappa (two coders), Krippendorff's alpha, Gwet's AC1, Brennan–Prediger, unitizing alpha",
    )
    .option('--coders <names>', 'the coders to compare (comma-separated; default: everyone who coded)')
    .option('--unit <unit>', 'char (each character) or turn (each speaker turn)', 'char')
    .option('--ci <draws>', `bootstrap 95 % intervals and P(alpha < .667 / .8) from this many draws (e.g. ${DEFAULT_DRAWS})`)
    .option('--seed <seed>', 'seed of the bootstrap (default 1)')
    .option('--docs <names>', 'only these documents (comma-separated names)')
    .option('--sample <name>', 'only the documents of this reliability sample')
    .option('--by-document', 'also per document')
    .option('--json', 'JSON output')
    .option('-o, --out <file>', 'write the table with every coefficient to a .csv or .xlsx file')
    .action(
      async (
        path: string,
        o: { coders?: string; unit: string; ci?: string; seed?: string; docs?: string; sample?: string; byDocument?: boolean; json?: boolean; out?: string },
      ) => {
        const unit = unitOf(o.unit);
        const ci = whole(o.ci, '--ci', 1);
        const seed = whole(o.seed, '--seed', 0);
        const out = o.out ? resolve(o.out) : null;
        const format = out ? (/\.xlsx$/i.test(out) ? 'xlsx' : /\.csv$/i.test(out) ? 'csv' : null) : null;
        if (out && !format) throw new InputError(`${o.out}: the agreement table is written as .csv or .xlsx`);
        const { agreement } = await import('../team/agreement');
        const { renderAgreement } = await import('../team/reliability-report');
        const { documentIds } = await import('../team/samples');
        const r = await withProject(
          path,
          async (p) => {
            const options = {
              unit,
              coderIds: list(o.coders),
              ci,
              seed,
              sample: o.sample,
              byDocument: o.byDocument,
              byPair: true,
              documentIds: o.docs ? documentIds(p, list(o.docs)) : undefined,
            };
            if (out && format) await exportWithProgress(out, () => renderAgreement(p, options, format), {}, 'computing');
            return agreement(p, options);
          },
          { readonly: !out },
        );
        if (out) print(`Wrote ${out}`);
        if (o.json) {
          const withCi = r.bootstrap !== null;
          return printJson({
            codes: r.codes.map((c) => jsonRow(c, withCi)),
            pooled: jsonPooled(r.pooled, withCi),
            ...(r.byDocument
              ? {
                  documents: r.byDocument.map((d) => ({
                    document: d.document,
                    coders: d.coders,
                    codes: d.codes.map((c) => jsonRow(c, false)),
                    pooled: jsonPooled(d.pooled, false),
                  })),
                }
              : {}),
            ...(r.byPair?.length ? { pairs: r.byPair.map((x) => ({ coders: x.coders, documents: x.documents, pooled: jsonPooled(x.pooled, withCi) })) } : {}),
          });
        }
        if (!out) printReport(r);
      },
    );

  program
    .command('sample <project>')
    .description('draw a reliability sample of documents for double coding (seeded, recorded in the project)')
    .requiredOption('--name <name>', 'a name for the sample')
    .option('--docs <n>', 'this many documents (per stratum with --by)')
    .option('--percent <p>', 'this share of the documents (of each stratum with --by), at least one')
    .option('--by <attributes>', 'stratify by these case attributes (comma-separated: one stratum per combination)')
    .option('--seed <seed>', 'seed of the draw (default: a random one, recorded)')
    .option('--json', 'JSON output')
    .action(async (path: string, o: { name: string; docs?: string; percent?: string; by?: string; seed?: string; json?: boolean }) => {
      const percent = o.percent === undefined ? undefined : Number(o.percent);
      if (percent !== undefined && !Number.isFinite(percent)) throw new InputError(`--percent must be a number, not "${o.percent}"`);
      const { drawSample } = await import('../team/samples');
      const s = await withProject(path, (p) =>
        drawSample(p, { name: o.name, documents: whole(o.docs, '--docs', 1), percent, by: list(o.by), seed: whole(o.seed, '--seed', 0) }),
      );
      if (o.json) return printJson(s);
      printSample(s);
    });

  program
    .command('methods <project>')
    .description('write the methods paragraph on inter-coder reliability (coefficients, intervals, sample, references) as Markdown or Word')
    .option('--coders <names>', 'the coders compared (comma-separated; default: everyone who coded)')
    .option('--sample <name>', 'the reliability sample the coders coded')
    .requiredOption('-o, --out <file>', 'OUT.md or OUT.docx')
    .option('--unit <unit>', 'char or turn', 'char')
    .option('--ci <draws>', 'bootstrap draws', String(DEFAULT_DRAWS))
    .option('--seed <seed>', 'seed of the bootstrap (default 1)')
    .action(async (path: string, o: { coders?: string; sample?: string; out: string; unit: string; ci: string; seed?: string }) => {
      const out = resolve(o.out);
      const format = /\.docx$/i.test(out) ? 'docx' : /\.md$/i.test(out) ? 'md' : null;
      if (!format) throw new InputError(`${o.out}: the methods paragraph is written as .md or .docx`);
      const options = { coderIds: list(o.coders), sample: o.sample, unit: unitOf(o.unit), ci: whole(o.ci, '--ci', 0), seed: whole(o.seed, '--seed', 0) };
      const { renderMethods } = await import('../team/reliability-report');
      await withProject(path, (p) => exportWithProgress(out, () => renderMethods(p, options, format), {}, 'computing'), { readonly: true });
      print(`Wrote ${out}`);
    });
}
