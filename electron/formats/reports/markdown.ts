import { codeFrequencies, codesWithSegments, type SegmentReport } from './report-model';
import { formatTime, sourceReference } from './text';

// Markdown for notes, wikis and papers in progress: one heading per code, each
// segment a block quote with its source reference underneath.

/** Escapes what Markdown would read as markup or raw HTML. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

/** Block-quotes text that is already escaped. */
function quote(escaped: string): string {
  return escaped
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}

export function segmentsMarkdown(r: SegmentReport): string {
  const out: string[] = [
    `# ${mdEscape(r.title)}`,
    '',
    `Project: ${mdEscape(r.project)}  `,
    `Made: ${r.generatedAt.slice(0, 16).replace('T', ' ')}  `,
    `Segments: ${r.segments.length}`,
    '',
  ];
  for (const f of r.filters) out.push(`- ${mdEscape(f)}`);
  out.push('', '## Code frequencies', '', '| code | segments | with sub-codes | documents | cases |', '|---|---:|---:|---:|---:|');
  for (const f of codeFrequencies(r)) out.push(`| ${mdEscape(f.code.path)} | ${f.own} | ${f.total} | ${f.documents} | ${f.cases} |`);
  for (const { code, segments } of codesWithSegments(r)) {
    out.push('', `${'#'.repeat(Math.min(code.depth + 2, 6))} ${mdEscape(code.path)}`, '');
    if (segments.length === 0) continue;
    out.push(`${segments.length} segment${segments.length === 1 ? '' : 's'}`, '');
    for (const s of segments) {
      const body = s.before || s.after ? `…${mdEscape(s.before)}**${mdEscape(s.text)}**${mdEscape(s.after)}…` : mdEscape(s.text);
      out.push(quote(body), '');
      const when = s.timeStart !== null ? ` · ${formatTime(s.timeStart)}` : '';
      out.push(`— *${mdEscape(sourceReference(s))}* · coder ${mdEscape(s.coder)}${when} · characters ${s.start}–${s.end}`, '');
      if (s.memo) out.push(`Memo: ${mdEscape(s.memo).replace(/\r?\n/g, ' ')}`, '');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
