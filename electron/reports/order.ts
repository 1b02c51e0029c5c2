import type { ReportCode } from '../formats/reports/report-model';
import type { Project } from '../store/db';
import type { CodedSegment } from './retrieval';

// The order of the coded-segment report, worked out once per export: the code
// tree (as listCodes orders it, without the per-code segment counts that cost
// listCodes ~50 ms on 50,000 segments), then documents by name, then position,
// then coder. Names are ranked once: localeCompare inside a 50,000-row sort would
// cost more than the retrieval.

interface CodeTreeRow {
  id: string;
  parent_id: string | null;
  name: string;
  colour: string;
  sort: number;
}

/** Every live code in tree order: parents before children, siblings by sort then name; a code whose parent is gone is a root. */
export function reportCodes(p: Project): ReportCode[] {
  const rows = p.db.prepare('SELECT id, parent_id, name, colour, sort FROM codes WHERE deleted_at IS NULL').all() as CodeTreeRow[];
  const ids = new Set(rows.map((r) => r.id));
  const byParent = new Map<string | null, CodeTreeRow[]>();
  for (const r of rows) {
    const parent = r.parent_id && ids.has(r.parent_id) ? r.parent_id : null;
    const list = byParent.get(parent);
    if (list) list.push(r);
    else byParent.set(parent, [r]);
  }
  const out: ReportCode[] = [];
  const walk = (parentId: string | null, prefix: string, depth: number) => {
    const kids = (byParent.get(parentId) ?? []).sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name));
    for (const r of kids) {
      const path = prefix ? `${prefix}/${r.name}` : r.name;
      out.push({ id: r.id, parentId, name: r.name, path, depth, colour: r.colour });
      walk(r.id, path, depth + 1);
    }
  };
  walk(null, '', 0);
  return out;
}

/** Ranks of the names behind ids in alphabetical order (ties by id). */
function alphabetical(names: Map<string, string>): Map<string, number> {
  const ids = [...names.keys()].sort((a, b) => names.get(a)!.localeCompare(names.get(b)!) || (a < b ? -1 : a > b ? 1 : 0));
  return new Map(ids.map((id, i) => [id, i]));
}

/** Segments in code tree order, then document name, then start and end, then coder name. */
export function reportOrder(rows: CodedSegment[], codes: readonly ReportCode[]): CodedSegment[] {
  const codeRank = new Map(codes.map((c, i) => [c.id, i]));
  const docNames = new Map<string, string>();
  const coderNames = new Map<string, string>();
  for (const s of rows) {
    if (!docNames.has(s.documentId)) docNames.set(s.documentId, s.document);
    if (!coderNames.has(s.coderId)) coderNames.set(s.coderId, s.coder);
  }
  const docRank = alphabetical(docNames);
  const coderRank = alphabetical(coderNames);
  const key = new Float64Array(rows.length);
  const coder = new Uint32Array(rows.length);
  rows.forEach((s, i) => {
    key[i] = codeRank.get(s.codeId)! * docRank.size + docRank.get(s.documentId)!;
    coder[i] = coderRank.get(s.coderId)!;
  });
  const order = Array.from({ length: rows.length }, (_, i) => i);
  order.sort((a, b) => key[a] - key[b] || rows[a].start - rows[b].start || rows[a].end - rows[b].end || coder[a] - coder[b]);
  return order.map((i) => rows[i]);
}

/**
 * Context cut at a fixed number of UTF-16 units can split an emoji's surrogate
 * pair; the half would be written as a replacement character, so it is dropped.
 */
export function wholeCharacters(before: string, after: string): { before: string; after: string } {
  const low = before.charCodeAt(0);
  const high = after.charCodeAt(after.length - 1);
  return { before: low >= 0xdc00 && low <= 0xdfff ? before.slice(1) : before, after: high >= 0xd800 && high <= 0xdbff ? after.slice(0, -1) : after };
}
