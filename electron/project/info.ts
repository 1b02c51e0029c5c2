import type { ProjectInfo } from '../../shared/types';
import { currentCoder, listCoders } from '../store/coders';
import type { Project } from '../store/db';
import { SCHEMA_VERSION } from '../store/migrations';

// What `fieldcode info` and the app's title bar show. Kept apart from project.ts so
// that reading it does not load the codebooks a new project is seeded from.

export function projectRow(p: Project): { id: string; name: string; codebook: string } {
  return p.db.prepare('SELECT id, name, codebook FROM project LIMIT 1').get() as { id: string; name: string; codebook: string };
}

export function projectInfo(p: Project): ProjectInfo {
  const row = projectRow(p);
  const count = (sql: string) => p.db.prepare(sql).pluck().get() as number;
  return {
    id: row.id,
    name: row.name,
    path: p.path,
    schemaVersion: SCHEMA_VERSION,
    coder: currentCoder(p),
    counts: {
      documents: count('SELECT count(*) FROM documents WHERE deleted_at IS NULL'),
      cases: count('SELECT count(*) FROM cases WHERE deleted_at IS NULL'),
      codes: count('SELECT count(*) FROM codes WHERE deleted_at IS NULL'),
      segments: count('SELECT count(*) FROM segments WHERE deleted_at IS NULL'),
      coders: listCoders(p).length,
    },
  };
}
