import { Paragraph, TextRun } from 'docx';
import type { CaseStudy, Quotation } from '../../../../shared/api/analysis';
import { isMostlyRtl } from '../../../../shared/text-direction';
import { BODY_MARKER, headingParagraph, paragraph, spliceBody } from '../docx-body';
import { pack } from '../docx';
import { mdEscape } from '../markdown';
import { tableXml } from './docx-table';

// A case-study draft as Word (Title, then Heading 1 per template section so Word's
// navigation pane lists the sections, Heading 2 per code) and as Markdown.

export function quotationSource(q: Quotation): string {
  return `${q.speaker ? `${q.speaker}, ` : ''}${q.document}, characters ${q.start}–${q.end}`;
}

function quotationXml(q: Quotation): string {
  const rtl = isMostlyRtl(q.text);
  return (
    paragraph('Quotation', [{ text: q.text, rtl }], { bidi: rtl }) +
    paragraph('Source', [{ text: `— ${quotationSource(q)}${q.anchor ? ' · anchor example' : ''}` }])
  );
}

export function quotationsXml(quotations: Quotation[]): string {
  return quotations.map(quotationXml).join('');
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

// Building the package with `docx` costs ~250 ms a file; 54 drafts share one
// empty package (styles, numbering) and each splices its whole body, title included.
let shell: Promise<Uint8Array> | null = null;
const emptyPackage = () => (shell ??= pack([new Paragraph({ children: [new TextRun(BODY_MARKER)] })], 'Case-study draft'));

export async function caseStudyDocx(cs: CaseStudy): Promise<Uint8Array> {
  const body: string[] = [
    paragraph('Title', [{ text: cs.title }]),
    paragraph(null, [{ text: `Case-study draft · template: ${cs.template}`, color: '555555' }]),
    tableXml(['Background', ''], cs.background),
  ];
  for (const s of cs.sections) {
    body.push(headingParagraph(s.title, 0));
    if (s.description) body.push(paragraph(null, [{ text: s.description, italics: true, color: '555555' }]));
    body.push(paragraph(null, [{ text: `${plural(s.segments, 'coded segment')} in this section.`, color: '555555' }]));
    for (const para of (s.summary || '[Summary to be written]').split(/\n{2,}/)) body.push(paragraph(null, [{ text: para }]));
    for (const c of s.codes) {
      body.push(headingParagraph(`${c.path} (${c.segments})`, 1));
      body.push(quotationsXml(c.quotations));
      if (c.leftOut > 0) body.push(paragraph(null, [{ text: `${plural(c.leftOut, 'further segment')} left out.`, italics: true }]));
    }
    if (s.memo) body.push(paragraph('Memo', [{ text: 'Memo: ', bold: true }, { text: s.memo }]));
  }
  return spliceBody(await emptyPackage(), body.join(''));
}

const quote = (t: string) =>
  mdEscape(t)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => (l.trim() ? `> ${l}` : '>'))
    .join('\n');

export function quotationsMarkdown(quotations: Quotation[]): string[] {
  return quotations.flatMap((q) => [quote(q.text), '', `— *${mdEscape(quotationSource(q))}*${q.anchor ? ' · anchor example' : ''}`, '']);
}

export function caseStudyMarkdown(cs: CaseStudy): string {
  const out = [`# ${mdEscape(cs.title)}`, '', `Case-study draft · template: ${mdEscape(cs.template)}`, '', '| Background | |', '|---|---|'];
  for (const [k, v] of cs.background) out.push(`| ${mdEscape(k)} | ${mdEscape(v)} |`);
  for (const s of cs.sections) {
    out.push('', `## ${mdEscape(s.title)}`, '');
    if (s.description) out.push(`*${mdEscape(s.description)}*`, '');
    out.push(`${plural(s.segments, 'coded segment')} in this section.`, '', s.summary ? mdEscape(s.summary) : '[Summary to be written]', '');
    for (const c of s.codes) {
      out.push(`### ${mdEscape(c.path)} (${c.segments})`, '', ...quotationsMarkdown(c.quotations));
      if (c.leftOut > 0) out.push(`*${plural(c.leftOut, 'further segment')} left out.*`, '');
    }
    if (s.memo) out.push(`**Memo:** ${mdEscape(s.memo)}`, '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
