import type { CodedSegment } from '../../shared/api';
import type { CodeCoderTable, Cooccurrence, CooccurrenceUnit } from '../../shared/api/reports';
import type { Code } from '../../shared/types';
import type { NumberTable } from '../formats/reports/tables';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';
import { projectRow } from '../project/project';
import { checkFilter } from './filter';
import { codedSegments, type RetrievalFilter } from './retrieval';

// Which codes are applied together. Co-occurrence is counted within one coder's
// coding (two coders marking the same passage is agreement, not co-occurrence):
// "overlap" counts pairs of overlapping segments, "turn" counts speaker turns in
// which both codes were applied. The diagonal holds each code's own segments or turns.

function byKey<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

type TurnSpan = { start: number; end: number };

/** Index of the first turn (in document order) that ends after `offset`. */
function firstTurnEndingAfter(turns: TurnSpan[], offset: number): number {
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buildCooccurrence(codes: Code[], segments: CodedSegment[], unit: CooccurrenceUnit, turns: Map<string, TurnSpan[]>): Cooccurrence {
  const used = new Set(segments.map((s) => s.codeId));
  const rows = codes.filter((c) => used.has(c.id));
  const index = new Map(rows.map((c, i) => [c.id, i]));
  const counts = rows.map(() => new Array<number>(rows.length).fill(0));
  for (const group of byKey(segments, (s) => `${s.documentId}\u0000${s.coderId}`).values()) {
    if (unit === 'overlap') {
      const sorted = [...group].sort((a, b) => a.start - b.start);
      for (let i = 0; i < sorted.length; i++) {
        const a = index.get(sorted[i].codeId)!;
        counts[a][a]++;
        for (let j = i + 1; j < sorted.length && sorted[j].start < sorted[i].end; j++) {
          const b = index.get(sorted[j].codeId)!;
          if (a === b) continue;
          counts[a][b]++;
          counts[b][a]++;
        }
      }
      continue;
    }
    const docTurns = turns.get(group[0].documentId) ?? [];
    const perTurn = new Map<number, Set<number>>();
    for (const s of group) {
      const code = index.get(s.codeId)!;
      for (let ti = firstTurnEndingAfter(docTurns, s.start); ti < docTurns.length && docTurns[ti].start < s.end; ti++) {
        (perTurn.get(ti) ?? perTurn.set(ti, new Set()).get(ti)!).add(code);
      }
    }
    for (const set of perTurn.values()) {
      const list = [...set];
      for (const a of list) for (const b of list) counts[a][b]++;
    }
  }
  return { unit, codes: rows.map((c) => ({ id: c.id, path: c.path, colour: c.colour })), counts };
}

function turnsOf(p: Project, documentIds: string[]): Map<string, TurnSpan[]> {
  const stmt = p.db.prepare('SELECT start, end FROM turns WHERE document_id = ? ORDER BY idx');
  return new Map(documentIds.map((id) => [id, stmt.all(id) as TurnSpan[]]));
}

export function codeCooccurrence(p: Project, unit: CooccurrenceUnit, filter: RetrievalFilter = {}): Cooccurrence {
  const segments = codedSegments(p, { ...checkFilter(p, filter), context: 0 });
  const turns = unit === 'turn' ? turnsOf(p, [...new Set(segments.map((s) => s.documentId))]) : new Map<string, TurnSpan[]>();
  return buildCooccurrence(listCodes(p), segments, unit, turns);
}

/** Segments per code and coder (own coding, not sub-codes). */
export function codeCoderCounts(p: Project, filter: RetrievalFilter = {}): CodeCoderTable {
  const segments = codedSegments(p, { ...checkFilter(p, filter), context: 0 });
  const coders = [...new Map(segments.map((s) => [s.coderId, { id: s.coderId, name: s.coder }])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const col = new Map(coders.map((c, i) => [c.id, i]));
  const counts = new Map<string, number[]>();
  for (const s of segments) {
    const cells = counts.get(s.codeId) ?? counts.set(s.codeId, new Array(coders.length).fill(0)).get(s.codeId)!;
    cells[col.get(s.coderId)!]++;
  }
  const rows = listCodes(p)
    .filter((c) => counts.has(c.id))
    .map((c) => {
      const cells = counts.get(c.id)!;
      return { codeId: c.id, path: c.path, depth: c.path.split('/').length - 1, cells, total: cells.reduce((a, b) => a + b, 0) };
    });
  const totals = coders.map((_, i) => rows.reduce((n, r) => n + r.cells[i], 0));
  return { coders, rows, totals };
}

export function cooccurrenceTable(p: Project, c: Cooccurrence, generatedAt = new Date().toISOString()): NumberTable {
  return {
    title: `Code co-occurrence (${c.unit === 'overlap' ? 'overlapping segments' : 'same speaker turn'})`,
    project: projectRow(p).name,
    generatedAt,
    note:
      c.unit === 'overlap'
        ? 'cells: pairs of overlapping segments by the same coder; diagonal: segments'
        : 'cells: turns coded with both codes by the same coder; diagonal: turns with the code',
    header: ['code', ...c.codes.map((x) => x.path)],
    labelColumns: 1,
    rows: c.codes.map((x, i) => ({ cells: [x.path, ...c.counts[i]], colour: x.colour })),
    chart: null,
    json: c,
  };
}

export function codeCoderTable(p: Project, t: CodeCoderTable, generatedAt = new Date().toISOString()): NumberTable {
  return {
    title: 'Segments by code and coder',
    project: projectRow(p).name,
    generatedAt,
    note: 'cells: coded segments (own coding, not sub-codes)',
    header: ['code', ...t.coders.map((c) => c.name), 'total'],
    labelColumns: 1,
    rows: [
      ...t.rows.map((r) => ({ cells: [r.path, ...r.cells, r.total], depth: r.depth })),
      { cells: ['Total', ...t.totals, t.totals.reduce((a, b) => a + b, 0)], total: true },
    ],
    chart: {
      title: 'Segments by code and coder',
      categories: t.rows.map((r) => r.path),
      series: t.coders.map((c, i) => ({ label: c.name, values: t.rows.map((r) => r.cells[i]) })),
    },
    json: t,
  };
}
