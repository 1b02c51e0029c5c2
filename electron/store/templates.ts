import type { Project } from './db';

// Case-study templates: an ordered list of sections kept as one JSON value, so a
// template is edited, undone and merged as a whole.

export interface TemplateRow {
  id: string;
  name: string;
  sections: string;
  coder_id: string;
  updated_at: string;
  deleted_at: string | null;
}

export function liveTemplates(p: Project): TemplateRow[] {
  return p.db.prepare('SELECT * FROM templates WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id').all() as TemplateRow[];
}

export function getTemplateRow(p: Project, id: string): TemplateRow | undefined {
  return p.db.prepare('SELECT * FROM templates WHERE id = ? AND deleted_at IS NULL').get(id) as TemplateRow | undefined;
}

export function upsertTemplate(p: Project, t: { id: string; name: string; sections: string }, coderId: string): void {
  p.db
    .prepare(
      `INSERT INTO templates (id, name, sections, coder_id, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, NULL)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, sections = excluded.sections, coder_id = excluded.coder_id, updated_at = excluded.updated_at, deleted_at = NULL`,
    )
    .run(t.id, t.name, t.sections, coderId, p.now());
}

export function tombstoneTemplate(p: Project, id: string, coderId: string): void {
  const now = p.now();
  p.db.prepare('UPDATE templates SET deleted_at = ?, updated_at = ?, coder_id = ? WHERE id = ?').run(now, now, coderId, id);
}
