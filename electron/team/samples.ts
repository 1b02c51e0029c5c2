import { randomInt } from 'node:crypto';
import type { ReliabilitySample } from '../../shared/api/team';
import { InputError, NotFoundError } from '../../shared/errors';
import { seededRandom } from '../../shared/reliability/bootstrap';
import { currentCoder } from '../store/coders';
import type { Project } from '../store/db';
import { findDocument } from '../store/documents';
import { findSampleRow, insertSample, listSampleRows } from '../store/samples';
import { coderCopy, type CoderCopyReport } from './coder-copy';

// Reliability samples: a lead draws N documents (or N %) for double coding,
// optionally N (or N %) from every stratum of one or more case attributes (e.g.
// one per continent × phase), with a seed, so the draw is reported and can be
// repeated. Coder copies can be made of exactly the sample, and agreement computed
// on it alone.

export interface SampleRequest {
  name: string;
  /** N documents (per stratum when stratified) */
  documents?: number;
  /** N % of the documents (of each stratum when stratified), at least one */
  percent?: number;
  /** case attribute names; documents are drawn from each combination of their values */
  by?: string[];
  seed?: number;
}

const NO_VALUE = '(not set)';

/** Live documents with their stratum (the values of the case attributes, "(not set)" where missing). */
function documentsWithStrata(p: Project, by: string[]): { id: string; stratum: string | null }[] {
  const docs = p.db.prepare('SELECT id, case_id FROM documents WHERE deleted_at IS NULL ORDER BY id').all() as { id: string; case_id: string | null }[];
  if (by.length === 0) return docs.map((d) => ({ id: d.id, stratum: null }));
  const attrs = by.map((name) => {
    const row = p.db.prepare('SELECT id, name FROM attributes WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL').get(name.trim()) as
      { id: string; name: string } | undefined;
    if (!row) throw new NotFoundError(`no case attribute "${name}" in this project`);
    return row;
  });
  const value = p.db
    .prepare('SELECT value FROM attribute_values v JOIN cases c ON c.id = v.case_id AND c.deleted_at IS NULL WHERE v.case_id = ? AND v.attribute_id = ?')
    .pluck();
  return docs.map((d) => ({
    id: d.id,
    stratum: attrs.map((a) => (d.case_id ? (value.get(d.case_id, a.id) as string | undefined) || NO_VALUE : NO_VALUE)).join(' × '),
  }));
}

/** The documents a seeded draw picks: a Fisher–Yates shuffle of each stratum (ordered by id), its first k. */
export function draw(docs: { id: string; stratum: string | null }[], req: SampleRequest, seed: number): { id: string; stratum: string | null }[] {
  const random = seededRandom(seed);
  const strata = new Map<string, { id: string; stratum: string | null }[]>();
  for (const d of docs) {
    const key = d.stratum ?? '';
    strata.set(key, [...(strata.get(key) ?? []), d]);
  }
  const out: { id: string; stratum: string | null }[] = [];
  for (const key of [...strata.keys()].sort()) {
    const list = [...strata.get(key)!];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    const k = req.documents !== undefined ? Math.min(list.length, req.documents) : Math.max(1, Math.ceil((list.length * req.percent!) / 100));
    out.push(...list.slice(0, k));
  }
  return out;
}

export function drawSample(p: Project, req: SampleRequest): ReliabilitySample {
  const name = req.name.trim();
  if (!name) throw new InputError('a reliability sample needs a name');
  if ((req.documents === undefined) === (req.percent === undefined)) throw new InputError('give either a number of documents or a percentage');
  if (req.documents !== undefined && (!Number.isInteger(req.documents) || req.documents < 1))
    throw new InputError(`the number of documents must be a whole number of at least 1, not ${req.documents}`);
  if (req.percent !== undefined && !(req.percent > 0 && req.percent <= 100))
    throw new InputError(`the percentage must be above 0 and at most 100, not ${req.percent}`);
  if (findSampleRow(p, name)) throw new InputError(`a reliability sample named "${name}" already exists`);
  const by = (req.by ?? []).map((b) => b.trim()).filter(Boolean);
  const seed = req.seed ?? randomInt(0, 2 ** 31 - 1);
  return p.db.transaction(() => {
    const docs = documentsWithStrata(p, by);
    if (docs.length === 0) throw new InputError('this project has no documents to draw a sample from');
    const chosen = draw(docs, req, seed);
    insertSample(p, {
      name,
      size: req.documents !== undefined ? { documents: req.documents } : { percent: req.percent! },
      stratifiedBy: by.length ? by.join(' × ') : null,
      seed,
      coderId: currentCoder(p).id,
      documents: chosen,
    });
    return findSampleRow(p, name)!;
  })();
}

export function listSamples(p: Project): ReliabilitySample[] {
  return listSampleRows(p);
}

export function getSample(p: Project, idOrName: string): ReliabilitySample {
  const s = findSampleRow(p, idOrName);
  if (!s) throw new NotFoundError(`no reliability sample "${idOrName}" in this project`);
  return s;
}

/** A coder copy holding exactly the sample's documents. */
export function sampleCoderCopy(p: Project, sample: string, out: string, coder: string): CoderCopyReport {
  const s = getSample(p, sample);
  if (s.documents.length === 0) throw new InputError(`the sample "${s.name}" has no live documents left`);
  return coderCopy(p, out, coder, { documents: s.documents.map((d) => d.id) });
}

/** Documents named (or given by id) on the command line, as ids. */
export function documentIds(p: Project, names: string[]): string[] {
  return [...new Set(names.map((n) => findDocument(p, n).id))];
}
