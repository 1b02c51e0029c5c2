import type { ReliabilitySample } from '../../shared/api/team';
import type { Project } from './db';

// Reliability samples: which documents were drawn for double coding, and how.

interface SampleRow {
  id: string;
  name: string;
  size_kind: 'documents' | 'percent';
  size_value: number;
  stratified_by: string | null;
  seed: number;
  created_at: string;
}

function rowToSample(p: Project, r: SampleRow): ReliabilitySample {
  const documents = p.db
    .prepare(
      `SELECT d.id, d.name, s.stratum FROM reliability_sample_documents s JOIN documents d ON d.id = s.document_id
       WHERE s.sample_id = ? AND d.deleted_at IS NULL ORDER BY d.name COLLATE NOCASE, d.id`,
    )
    .all(r.id) as { id: string; name: string; stratum: string | null }[];
  return {
    id: r.id,
    name: r.name,
    size: r.size_kind === 'documents' ? { documents: r.size_value } : { percent: r.size_value },
    stratifiedBy: r.stratified_by,
    seed: r.seed,
    createdAt: r.created_at,
    documents,
  };
}

export function listSampleRows(p: Project): ReliabilitySample[] {
  const rows = p.db.prepare('SELECT * FROM reliability_samples ORDER BY created_at, name').all() as SampleRow[];
  return rows.map((r) => rowToSample(p, r));
}

/** A sample by id or by name (any case); null when there is none. */
export function findSampleRow(p: Project, idOrName: string): ReliabilitySample | null {
  const r = p.db.prepare('SELECT * FROM reliability_samples WHERE id = ? OR name = ? COLLATE NOCASE').get(idOrName, idOrName.trim()) as SampleRow | undefined;
  return r ? rowToSample(p, r) : null;
}

export interface NewSample {
  name: string;
  size: { documents: number } | { percent: number };
  stratifiedBy: string | null;
  seed: number;
  coderId: string;
  documents: { id: string; stratum: string | null }[];
}

/** Records a drawn sample (the caller holds the transaction). */
export function insertSample(p: Project, s: NewSample): string {
  const id = p.newId();
  const [kind, value] = 'documents' in s.size ? ['documents', s.size.documents] : ['percent', s.size.percent];
  p.db
    .prepare('INSERT INTO reliability_samples (id, name, size_kind, size_value, stratified_by, seed, coder_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, s.name, kind, value, s.stratifiedBy, s.seed, s.coderId, p.now());
  const add = p.db.prepare('INSERT INTO reliability_sample_documents (sample_id, document_id, stratum) VALUES (?, ?, ?)');
  for (const d of s.documents) add.run(id, d.id, d.stratum);
  return id;
}
