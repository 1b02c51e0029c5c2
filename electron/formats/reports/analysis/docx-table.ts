import { paragraph } from '../docx-body';

// A plain Word table as WordprocessingML (spliced into a body like the quotation
// paragraphs): a bold header row repeated on each page, single borders, autofit.

const BORDER =
  '<w:top w:val="single" w:sz="4" w:color="999999"/><w:left w:val="single" w:sz="4" w:color="999999"/><w:bottom w:val="single" w:sz="4" w:color="999999"/><w:right w:val="single" w:sz="4" w:color="999999"/><w:insideH w:val="single" w:sz="4" w:color="999999"/><w:insideV w:val="single" w:sz="4" w:color="999999"/>';

function cell(text: string, bold: boolean): string {
  const paras = String(text)
    .split(/\n{2,}/)
    .map((t) => paragraph(null, [{ text: t, bold }]))
    .join('');
  return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${paras || '<w:p/>'}</w:tc>`;
}

export function tableXml(header: string[], rows: (string | number)[][]): string {
  const head = `<w:tr><w:trPr><w:tblHeader/></w:trPr>${header.map((h) => cell(h, true)).join('')}</w:tr>`;
  const body = rows.map((r) => `<w:tr>${r.map((v) => cell(String(v), false)).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${BORDER}</w:tblBorders><w:tblLayout w:type="autofit"/></w:tblPr>${head}${body}</w:tbl>${paragraph(null, [])}`;
}
