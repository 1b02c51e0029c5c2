import type { AgreementReport, AgreementRow } from '../../shared/api/team';
import { formatCoefficient } from '../../shared/reliability/format';
import { safeFileStem } from '../formats/reports/text';
import type { NumberTable, TableRow } from '../formats/reports/tables';
import { MIME, utf8, type Rendered } from '../reports/output';
import { renderTable } from '../reports/tables';
import type { Project } from '../store/db';
import { agreement, type AgreementOptions } from './agreement';
import { DEFAULT_DRAWS } from './agreement-ci';
import { methodsDocument } from './methods-text';
import { getSample } from './samples';

// Exports of the reliability report: the agreement table with every coefficient
// and interval (CSV, XLSX), and the methods paragraph (Markdown, Word).

const HEADER = [
  'code',
  'document',
  'units',
  'percent agreement',
  'kappa',
  'alpha',
  'alpha 95% CI low',
  'alpha 95% CI high',
  'P(alpha < 0.667)',
  'P(alpha < 0.8)',
  'AC1',
  'Brennan-Prediger',
  'unitizing alpha (2004)',
  'uAlpha 95% CI low',
  'uAlpha 95% CI high',
  'P(uAlpha < 0.667)',
  'P(uAlpha < 0.8)',
  '|u alpha (2016)',
  'u alpha (2016)',
  'cu alpha (2016)',
  'Cu alpha (2016)',
];

/** Numbers with 3 decimals, "—" where undefined — the one formatting of agreement values. */
function cells(r: AgreementRow, code: string, doc: string): (string | number)[] {
  const p = r as Partial<AgreementReport['pooled']>;
  return [
    code,
    doc,
    r.units,
    formatCoefficient(r.percentAgreement),
    formatCoefficient(r.kappa),
    formatCoefficient(r.alpha),
    formatCoefficient(r.ci?.alpha?.[0]),
    formatCoefficient(r.ci?.alpha?.[1]),
    formatCoefficient(r.pBelow?.['0.667']),
    formatCoefficient(r.pBelow?.['0.8']),
    formatCoefficient(r.ac1),
    formatCoefficient(r.bp),
    formatCoefficient(r.uAlpha),
    formatCoefficient(r.ci?.uAlpha?.[0]),
    formatCoefficient(r.ci?.uAlpha?.[1]),
    formatCoefficient(r.pBelowUAlpha?.['0.667']),
    formatCoefficient(r.pBelowUAlpha?.['0.8']),
    formatCoefficient(r.binaryUAlpha),
    formatCoefficient(p.uAlpha2016),
    formatCoefficient(p.cuAlpha),
    formatCoefficient(p.CuAlpha),
  ];
}

export function agreementTable(p: Project, r: AgreementReport): NumberTable {
  const rows: TableRow[] = [...r.codes.map((c) => ({ cells: cells(c, c.code ?? '', '(all)') })), { cells: cells(r.pooled, '(pooled)', '(all)'), total: true }];
  for (const d of r.byDocument ?? []) {
    for (const c of d.codes) rows.push({ cells: cells(c, c.code ?? '', d.document) });
    rows.push({ cells: cells(d.pooled, '(pooled)', d.document), total: true });
  }
  const name = p.db.prepare('SELECT name FROM project').pluck().get() as string;
  const boot = r.bootstrap ? `; bootstrap ${r.bootstrap.draws} draws of documents, seed ${r.bootstrap.seed}` : '';
  return {
    title: 'Inter-coder agreement',
    project: name,
    generatedAt: p.now(),
    note: `${r.coders.map((c) => c.name).join(', ')} on ${r.documents.length} documents${r.sample ? ` (sample "${r.sample.name}")` : ''}; unit: ${r.unit === 'char' ? 'characters' : 'speaker turns'}${boot}`,
    header: HEADER,
    labelColumns: 2,
    rows,
    chart: null,
    json: r,
  };
}

/** The agreement table as a file (per document too, unless told otherwise); written by reports/staged.ts. */
export async function renderAgreement(p: Project, o: AgreementOptions, format: 'csv' | 'xlsx'): Promise<Rendered> {
  const r = agreement(p, { ...o, byDocument: o.byDocument ?? true });
  return renderTable(agreementTable(p, r), format);
}

/** The methods paragraph, with intervals (1,000 draws unless told otherwise). */
export async function renderMethods(p: Project, o: AgreementOptions, format: 'md' | 'docx'): Promise<Rendered> {
  const r = agreement(p, { ...o, ci: o.ci ?? DEFAULT_DRAWS });
  const sample = o.sample ? getSample(p, o.sample) : null;
  const total = p.db.prepare('SELECT count(*) FROM documents WHERE deleted_at IS NULL').pluck().get() as number;
  const doc = methodsDocument(r, sample, total);
  // The methods writer pulls in docx (~14 MB resident): loaded only when exported.
  const { methodsDocx, methodsMarkdown } = await import('../formats/reports/methods');
  const data = format === 'md' ? utf8(methodsMarkdown(doc)) : await methodsDocx(doc);
  const file = `${safeFileStem(`Methods - inter-coder reliability${sample ? ` - ${sample.name}` : ''}`)}.${format}`;
  return { data, fileName: file, mime: MIME[format], rows: r.codes.length };
}
