import { Document, HeadingLevel, Packer, Paragraph, TextRun, type IParagraphStyleOptions, type Table } from 'docx';
import { isMostlyRtl } from '../../../shared/text-direction';
import { codeFrequencies, codesWithSegments, type SegmentReport } from './report-model';
import { BODY_MARKER, headingParagraph, paragraph, spliceBody } from './docx-body';
import { formatTime, sourceReference, xmlSafe } from './text';

// Word reports with the `docx` package: one heading per code (levels follow the
// tree), each segment a quotation in its own style with the source reference
// "document, speaker, case" beneath, so a team can copy quotations into a paper
// with their provenance. The quotation paragraphs are written by docx-body.ts.

export const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

export const DOCX_STYLES: IParagraphStyleOptions[] = [
  {
    id: 'Quotation',
    name: 'Quotation',
    basedOn: 'Normal',
    next: 'Source',
    paragraph: {
      indent: { left: 567, right: 567 },
      spacing: { before: 160, after: 40 },
      border: { left: { style: 'single', size: 18, color: '0072B2', space: 8 } },
    },
    run: { size: 22 },
  },
  {
    id: 'Source',
    name: 'Source reference',
    basedOn: 'Normal',
    paragraph: { indent: { left: 567 }, spacing: { after: 80 } },
    run: { italics: true, size: 18, color: '444444' },
  },
  { id: 'Memo', name: 'Segment memo', basedOn: 'Normal', paragraph: { indent: { left: 567 }, spacing: { after: 160 } }, run: { size: 18 } },
];

/** Runs for text with line breaks kept (Word ignores "\n" inside a run). */
export function runs(text: string, opts: { bold?: boolean; italics?: boolean; color?: string; rtl?: boolean } = {}): TextRun[] {
  return xmlSafe(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(
      (line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, bold: opts.bold, italics: opts.italics, color: opts.color, rightToLeft: opts.rtl }),
    );
}

export function heading(text: string, depth: number): Paragraph {
  return new Paragraph({ heading: HEADINGS[Math.min(depth, HEADINGS.length - 1)], children: runs(text) });
}

export function pack(children: (Paragraph | Table)[], title: string): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Fieldcode',
    title: xmlSafe(title),
    styles: { paragraphStyles: DOCX_STYLES },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc).then((b) => new Uint8Array(b));
}

function quotation(s: SegmentReport['segments'][number]): string {
  const rtl = isMostlyRtl(s.text);
  return paragraph(
    'Quotation',
    [
      { text: s.before ? `…${s.before}` : '', color: '777777', rtl },
      { text: s.text, bold: !!(s.before || s.after), rtl },
      { text: s.after ? `${s.after}…` : '', color: '777777', rtl },
    ],
    { bidi: rtl },
  );
}

export async function segmentsDocx(r: SegmentReport): Promise<Uint8Array> {
  const front: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(r.title) })];
  front.push(
    new Paragraph({
      children: runs(`${r.project} · made ${r.generatedAt.slice(0, 16).replace('T', ' ')} · ${r.segments.length} segments`, { color: '555555' }),
    }),
  );
  for (const f of r.filters) front.push(new Paragraph({ bullet: { level: 0 }, children: runs(f) }));
  const freq = codeFrequencies(r);
  if (freq.length > 0) {
    front.push(heading('Code frequencies', 0));
    for (const f of freq)
      front.push(
        new Paragraph({
          indent: { left: 284 * f.code.depth },
          children: runs(`${f.code.name}: ${f.own} segments (${f.total} with sub-codes) in ${f.documents} documents, ${f.cases} cases`),
        }),
      );
  }
  front.push(new Paragraph({ children: [new TextRun(BODY_MARKER)] }));
  const body: string[] = [];
  for (const { code, segments } of codesWithSegments(r)) {
    body.push(headingParagraph(code.depth === 0 ? code.name : code.path, code.depth));
    for (const s of segments) {
      body.push(quotation(s));
      const when = s.timeStart !== null ? ` · ${formatTime(s.timeStart)}` : '';
      body.push(paragraph('Source', [{ text: `— ${sourceReference(s)} · coder ${s.coder}${when} · characters ${s.start}–${s.end}` }]));
      if (s.memo) body.push(paragraph('Memo', [{ text: 'Memo: ', bold: true }, { text: s.memo }]));
    }
  }
  return spliceBody(await pack(front, r.title), body.join(''));
}
