import type { CodebookModel } from '../formats/reports/codebook-export';
import { safeFileStem } from '../formats/reports/text';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';
import { projectRow } from '../project/project';
import { MIME, utf8, type Rendered } from './output';

// The codebook with its definitions and anchor examples (quoted from their
// segments), for a methods appendix or a spreadsheet.

export function codebookModel(p: Project, generatedAt = new Date().toISOString()): CodebookModel {
  const anchorRows = p.db
    .prepare(
      `SELECT s.id, s.start, s.end, d.name AS document, d.text FROM segments s JOIN documents d ON d.id = s.document_id
       WHERE s.id IN (SELECT segment_id FROM anchor_examples WHERE deleted_at IS NULL)`,
    )
    .all() as { id: string; start: number; end: number; document: string; text: string }[];
  const quoted = new Map(anchorRows.map((a) => [a.id, { text: a.text.slice(a.start, a.end), document: a.document }]));
  const project = projectRow(p).name;
  return {
    title: `Codebook — ${project}`,
    project,
    generatedAt,
    entries: listCodes(p).map((c) => ({
      id: c.id,
      path: c.path,
      name: c.name,
      depth: c.path.split('/').length - 1,
      colour: c.colour,
      definition: c.definition,
      whenToUse: c.whenToUse,
      whenNotToUse: c.whenNotToUse,
      anchors: c.anchors.flatMap((a) => {
        const q = quoted.get(a.segmentId);
        return q ? [{ ...q, note: a.note }] : [];
      }),
      segments: c.segments,
    })),
  };
}

export async function renderCodebook(p: Project, format: 'docx' | 'csv'): Promise<Rendered> {
  const m = codebookModel(p);
  // The exporter pulls in docx (~14 MB resident): loaded only when a codebook is exported.
  const { codebookCsv, codebookDocx } = await import('../formats/reports/codebook-export');
  const data = format === 'csv' ? utf8(codebookCsv(m)) : await codebookDocx(m);
  return { data, fileName: `${safeFileStem(m.title)}.${format}`, mime: MIME[format], rows: m.entries.length };
}
