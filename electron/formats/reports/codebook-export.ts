import { Paragraph, TextRun } from 'docx';
import { toCsv } from './csv';
import { heading, pack, runs } from './docx';

// The codebook with its structured definitions, for a methods appendix (DOCX) or
// for another tool or a spreadsheet (CSV). The QDC form goes through the REFI layer.

export interface CodebookAnchor {
  text: string;
  document: string;
  note: string;
}

export interface CodebookEntry {
  id: string;
  path: string;
  name: string;
  depth: number;
  colour: string;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  anchors: CodebookAnchor[];
  segments: number;
}

export interface CodebookModel {
  title: string;
  project: string;
  generatedAt: string;
  entries: CodebookEntry[];
}

export const CODEBOOK_CSV_HEADER = ['path', 'name', 'level', 'colour', 'definition', 'when to use', 'when not to use', 'anchor examples', 'segments', 'id'];

function anchorLine(a: CodebookAnchor): string {
  return `"${a.text}" (${a.document})${a.note ? ` — ${a.note}` : ''}`;
}

export function codebookCsv(m: CodebookModel): string {
  return toCsv(
    CODEBOOK_CSV_HEADER,
    m.entries.map((e) => [
      e.path,
      e.name,
      e.depth + 1,
      e.colour,
      e.definition,
      e.whenToUse,
      e.whenNotToUse,
      e.anchors.map(anchorLine).join('\n'),
      e.segments,
      e.id,
    ]),
  );
}

function labelled(label: string, text: string): Paragraph {
  return new Paragraph({ indent: { left: 284 }, spacing: { after: 60 }, children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(text)] });
}

export function codebookDocx(m: CodebookModel): Promise<Uint8Array> {
  const out: Paragraph[] = [
    new Paragraph({ heading: 'Title', children: runs(m.title) }),
    new Paragraph({ children: runs(`${m.project} · ${m.entries.length} codes · made ${m.generatedAt.slice(0, 10)}`, { color: '555555' }) }),
  ];
  for (const e of m.entries) {
    out.push(heading(e.name, e.depth));
    if (e.depth > 0) out.push(new Paragraph({ children: runs(e.path, { italics: true, color: '555555' }) }));
    if (e.definition) out.push(labelled('Definition', e.definition));
    if (e.whenToUse) out.push(labelled('When to use', e.whenToUse));
    if (e.whenNotToUse) out.push(labelled('When not to use', e.whenNotToUse));
    if (e.anchors.length > 0) {
      out.push(new Paragraph({ indent: { left: 284 }, children: [new TextRun({ text: 'Anchor examples:', bold: true })] }));
      for (const a of e.anchors) out.push(new Paragraph({ style: 'Quotation', children: runs(anchorLine(a)) }));
    }
  }
  return pack(out, m.title);
}
