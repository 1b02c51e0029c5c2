import { barChartSvg } from './charts';
import { codeFrequencies, codesWithSegments, type SegmentReport } from './report-model';
import type { NumberTable } from './tables';
import { colourOf, escapeXml as esc, formatTime, sourceReference } from './text';

// Self-contained HTML: one file with its CSS and SVG charts inline and no external
// resource, so it opens offline, can be emailed, and prints cleanly (A4, quotes
// never split across pages, headings kept with what follows).

const CSS = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
h3, h4, h5, h6 { margin-top: 1.6rem; }
.meta { color: #555; margin: 0 0 1rem; } .filters { margin: 0 0 1.5rem; padding-left: 1.2rem; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .4em; vertical-align: baseline; }
figure { margin: 1.5rem 0; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; vertical-align: top; }
th { background: #f0f0f0; text-align: left; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td, tr.total th { font-weight: 600; background: #f7f7f7; }
blockquote { margin: .8rem 0 .2rem; padding: .3rem .9rem; border-left: 4px solid var(--code, #0072B2); background: #fafafa; white-space: pre-wrap; }
blockquote .ctx { color: #777; } blockquote mark { background: none; font-weight: 600; color: inherit; }
.source { margin: 0 0 .2rem 1rem; color: #444; font-size: .88rem; font-style: italic; }
.memo { margin: 0 0 1rem 1rem; font-size: .88rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  blockquote, .source, figure, tr { break-inside: avoid; }
  blockquote { background: none; }
}`;

export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="Fieldcode">\n<title>${esc(title)}</title>\n<style>${CSS}\n</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function meta(project: string, generatedAt: string, extra: string): string {
  return `<p class="meta">${esc(project)} · made ${esc(generatedAt.slice(0, 16).replace('T', ' '))} · ${esc(extra)}</p>`;
}

export function segmentsHtml(r: SegmentReport): string {
  const out: string[] = [`<h1>${esc(r.title)}</h1>`, meta(r.project, r.generatedAt, `${r.segments.length} segments`)];
  out.push(`<ul class="filters">${r.filters.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>`);
  if (r.chart && r.chart.categories.length > 0) out.push(`<figure>${barChartSvg(r.chart)}</figure>`);
  out.push(
    '<h2>Code frequencies</h2>',
    '<table><thead><tr><th>code</th><th>segments</th><th>with sub-codes</th><th>documents</th><th>cases</th></tr></thead><tbody>',
  );
  for (const f of codeFrequencies(r)) {
    out.push(
      `<tr><td style="padding-left:${0.5 + f.code.depth}rem"><span class="swatch" style="background:${colourOf(f.code.colour)}"></span>${esc(f.code.name)}</td><td class="n">${f.own}</td><td class="n">${f.total}</td><td class="n">${f.documents}</td><td class="n">${f.cases}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  for (const { code, segments } of codesWithSegments(r)) {
    const level = Math.min(code.depth + 2, 6);
    out.push(
      `<h${level} id="code-${esc(code.id)}" style="--code:${colourOf(code.colour)}"><span class="swatch" style="background:${colourOf(code.colour)}"></span>${esc(code.path)}${segments.length ? ` <small>(${segments.length})</small>` : ''}</h${level}>`,
    );
    if (segments.length === 0) continue;
    out.push(`<section style="--code:${colourOf(code.colour)}">`);
    for (const s of segments) {
      const before = s.before ? `<span class="ctx">…${esc(s.before)}</span>` : '';
      const after = s.after ? `<span class="ctx">${esc(s.after)}…</span>` : '';
      const text = before || after ? `<mark>${esc(s.text)}</mark>` : esc(s.text);
      out.push(`<blockquote dir="auto">${before}${text}${after}</blockquote>`);
      const when = s.timeStart !== null ? ` · ${esc(formatTime(s.timeStart))}` : '';
      out.push(`<p class="source">— ${esc(sourceReference(s))} · coder ${esc(s.coder)}${when} · characters ${s.start}–${s.end}</p>`);
      if (s.memo) out.push(`<p class="memo" dir="auto"><strong>Memo:</strong> ${esc(s.memo)}</p>`);
    }
    out.push('</section>');
  }
  return htmlPage(r.title, out.join('\n'));
}

function cell(v: string | number, numeric: boolean): string {
  return numeric ? `<td class="n">${esc(String(v))}</td>` : `<td>${esc(String(v))}</td>`;
}

/** A matrix or cross-tab as a table, with its bar chart above when it has one. */
export function tableHtml(t: NumberTable): string {
  const out: string[] = [`<h1>${esc(t.title)}</h1>`, meta(t.project, t.generatedAt, t.note)];
  if (t.chart && t.chart.categories.length > 0) out.push(`<figure>${barChartSvg(t.chart)}</figure>`);
  out.push(`<table><thead><tr>${t.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>`);
  for (const r of t.rows) {
    const [label, ...rest] = r.cells;
    const indent = r.depth ? ` style="padding-left:${0.5 + r.depth}rem"` : '';
    const swatch = r.colour ? `<span class="swatch" style="background:${esc(r.colour)}"></span>` : '';
    out.push(
      `<tr${r.total ? ' class="total"' : ''}><th${indent}>${swatch}${esc(String(label))}</th>${rest.map((v, i) => cell(v, i >= t.labelColumns - 1)).join('')}</tr>`,
    );
  }
  out.push('</tbody></table>');
  return htmlPage(t.title, out.join('\n'));
}
