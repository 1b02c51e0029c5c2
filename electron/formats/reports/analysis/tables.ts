import { HeadingLevel, Paragraph, TextRun } from 'docx';
import type { FrameworkMatrix, GroupSummary, PairMatrix } from '../../../../shared/api/analysis';
import { BODY_MARKER, headingParagraph, paragraph, spliceBody } from '../docx-body';
import { pack, runs } from '../docx';
import { mdEscape } from '../markdown';
import { sheetName } from '../xlsx';
import { WorkbookWriter } from '../xlsx-writer';
import { plural, quotationsMarkdown, quotationsXml } from './case-study';
import { tableXml } from './docx-table';

// The framework matrix, the pairs × codes matrix and group summaries as Word,
// Excel and Markdown. Word: a table per row group; Excel: the summaries in the
// first sheet and the counts in a second.

const PRESENCE_LABEL = { both: 'both', north: 'North only', south: 'South only', none: 'neither' } as const;

async function docxWith(title: string, subtitle: string, body: string): Promise<Uint8Array> {
  const front = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(title) }),
    new Paragraph({ children: runs(subtitle, { color: '555555' }) }),
    new Paragraph({ children: [new TextRun(BODY_MARKER)] }),
  ];
  return spliceBody(await pack(front, title), body);
}

const cellText = (m: FrameworkMatrix, r: number, c: number): string => (m.rows[r].summaries[c] ?? []).map((s) => s.body).join('\n\n');

function rowGroups(m: FrameworkMatrix): [string, number[]][] {
  const groups = new Map<string, number[]>();
  m.rows.forEach((r, i) => groups.set(r.group, [...(groups.get(r.group) ?? []), i]));
  return [...groups.entries()];
}

export function matrixDocx(m: FrameworkMatrix, title: string): Promise<Uint8Array> {
  const body: string[] = [];
  const header = [m.rowKind === 'case' ? 'Case' : 'Document', ...m.columns.map((c) => c.label)];
  for (const [group, idx] of rowGroups(m)) {
    if (group) body.push(headingParagraph(group, 0));
    body.push(
      tableXml(
        header,
        idx.map((r) => [
          m.rows[r].label,
          ...m.columns.map((_, c) => `${cellText(m, r, c)}${cellText(m, r, c) ? '\n\n' : ''}(${plural(m.rows[r].segments[c], 'segment')})`),
        ]),
      ),
    );
  }
  return docxWith(title, `Framework matrix · ${m.rows.length} rows × ${m.columns.length} columns`, body.join(''));
}

export function matrixXlsx(m: FrameworkMatrix, title: string): Uint8Array {
  const wb = new WorkbookWriter();
  const taken = new Set<string>();
  const header = [m.rowKind === 'case' ? 'Case' : 'Document', 'Group', ...m.columns.map((c) => c.label)];
  const widths = [36, 20, ...m.columns.map(() => 40)];
  const summaries = wb.addSheet(sheetName(title, taken), { widths, freeze: { rows: 1, columns: 1 } });
  summaries.addRow(header, { bold: true });
  m.rows.forEach((row, r) => summaries.addRow([row.label, row.group, ...m.columns.map((_, c) => cellText(m, r, c))]));
  const counts = wb.addSheet(sheetName(`${title} counts`, taken), { widths: [36, 20, ...m.columns.map(() => 14)], freeze: { rows: 1, columns: 1 } });
  counts.addRow(header, { bold: true });
  for (const row of m.rows) counts.addRow([row.label, row.group, ...row.segments]);
  return wb.bytes();
}

export function pairMatrixXlsx(m: PairMatrix): Uint8Array {
  const wb = new WorkbookWriter();
  const taken = new Set<string>();
  const header = ['North', 'South', ...m.codes.map((c) => c.path)];
  const ws = wb.addSheet(sheetName('Pairs × codes', taken), { widths: [36, 36, ...m.codes.map(() => 14)], freeze: { rows: 1, columns: 2 } });
  ws.addRow(header, { bold: true });
  for (const pr of m.pairs) ws.addRow([pr.north.name, pr.south.name, ...pr.presence.map((v) => PRESENCE_LABEL[v])]);
  const totals = wb.addSheet(sheetName('Totals per code', taken), { widths: [60, 10, 12, 12, 10] });
  totals.addRow(['code', 'both', 'North only', 'South only', 'neither'], { bold: true });
  m.codes.forEach((c, i) => totals.addRow([c.path, m.totals[i].both, m.totals[i].north, m.totals[i].south, m.totals[i].none]));
  return wb.bytes();
}

export function pairMatrixDocx(m: PairMatrix): Promise<Uint8Array> {
  const body = [
    headingParagraph('Totals per code', 0),
    tableXml(
      ['code', 'both', 'North only', 'South only', 'neither'],
      m.codes.map((c, i) => [c.path, m.totals[i].both, m.totals[i].north, m.totals[i].south, m.totals[i].none]),
    ),
  ];
  for (const pr of m.pairs) {
    body.push(headingParagraph(`${pr.north.name} – ${pr.south.name}`, 0));
    body.push(
      tableXml(
        ['code', 'presence', 'North segments', 'South segments'],
        m.codes.map((c, i) => [c.path, PRESENCE_LABEL[pr.presence[i]], pr.northSegments[i], pr.southSegments[i]]),
      ),
    );
  }
  return docxWith('Pair analysis', `${m.pairs.length} pairs · North: ${m.north.attribute} = ${m.north.value}`, body.join(''));
}

export function groupsDocx(groups: GroupSummary[], title: string): Promise<Uint8Array> {
  const body: string[] = [];
  for (const g of groups) {
    body.push(headingParagraph(`${g.label} (${plural(g.cases, 'case')})`, 0));
    if (g.summary) body.push(paragraph(null, [{ text: g.summary }]));
    body.push(
      tableXml(
        ['code', 'cases', 'segments'],
        g.codes.map((c) => [c.path, `${c.cases} of ${g.cases}`, c.segments]),
      ),
    );
    for (const c of g.codes) {
      if (c.exemplars.length === 0 && !c.summary) continue;
      body.push(headingParagraph(c.path, 1));
      if (c.summary) body.push(paragraph(null, [{ text: c.summary }]));
      body.push(quotationsXml(c.exemplars));
    }
  }
  return docxWith(title, `${plural(groups.length, 'group')}`, body.join(''));
}

export function groupsMarkdown(groups: GroupSummary[], title: string): string {
  const out = [`# ${mdEscape(title)}`];
  for (const g of groups) {
    out.push('', `## ${mdEscape(g.label)} (${plural(g.cases, 'case')})`, '');
    if (g.summary) out.push(mdEscape(g.summary), '');
    out.push('| code | cases | segments |', '|---|---:|---:|', ...g.codes.map((c) => `| ${mdEscape(c.path)} | ${c.cases} of ${g.cases} | ${c.segments} |`));
    for (const c of g.codes) {
      if (c.exemplars.length === 0 && !c.summary) continue;
      out.push('', `### ${mdEscape(c.path)}`, '');
      if (c.summary) out.push(mdEscape(c.summary), '');
      out.push(...quotationsMarkdown(c.exemplars));
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

export function matrixMarkdown(m: FrameworkMatrix, title: string): string {
  const out = [`# ${mdEscape(title)}`];
  for (const [group, idx] of rowGroups(m)) {
    if (group) out.push('', `## ${mdEscape(group)}`);
    out.push('', `| ${m.rowKind} | ${m.columns.map((c) => mdEscape(c.label)).join(' | ')} |`, `|---|${m.columns.map(() => '---').join('|')}|`);
    for (const r of idx)
      out.push(
        `| ${mdEscape(m.rows[r].label)} | ${m.columns.map((_, c) => `${mdEscape(cellText(m, r, c)).replace(/\n+/g, ' ')} (${m.rows[r].segments[c]})`).join(' | ')} |`,
      );
  }
  return `${out.join('\n')}\n`;
}
