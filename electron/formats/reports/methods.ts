import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { pack, runs } from './docx';
import { mdEscape } from './markdown';

// The methods paragraph of an inter-coder reliability report, ready to paste into
// a paper: a heading, paragraphs of prose, a table of coefficients per code and
// the references. Markdown or Word; the words are composed by the team capability.

export interface MethodsDocument {
  title: string;
  paragraphs: string[];
  table: { header: string[]; rows: string[][] };
  /** under the table */
  note: string;
  references: string[];
}

export function methodsMarkdown(m: MethodsDocument): string {
  const out = [`## ${mdEscape(m.title)}`, ''];
  for (const p of m.paragraphs) out.push(mdEscape(p), '');
  out.push(`| ${m.table.header.map(mdEscape).join(' | ')} |`, `|${m.table.header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const r of m.table.rows) out.push(`| ${r.map(mdEscape).join(' | ')} |`);
  out.push('', `*${mdEscape(m.note)}*`, '', '### References', '');
  for (const r of m.references) out.push(mdEscape(r), '');
  return `${out.join('\n').trimEnd()}\n`;
}

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });

export function methodsDocx(m: MethodsDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: 'Heading2', children: runs(m.title) })];
  for (const p of m.paragraphs) children.push(new Paragraph({ spacing: { after: 160 }, children: runs(p) }));
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: m.table.header.map((h) => cell(h, true)) }),
        ...m.table.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
      ],
    }),
    new Paragraph({ spacing: { before: 80, after: 240 }, children: runs(m.note, { italics: true }) }),
    new Paragraph({ heading: 'Heading3', children: runs('References') }),
    ...m.references.map((r) => new Paragraph({ indent: { left: 360, hanging: 360 }, spacing: { after: 80 }, children: runs(r) })),
  );
  return pack(children, m.title);
}
