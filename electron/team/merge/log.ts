import { MERGE_KINDS, type MergeConflict, type MergeCounts, type MergeKind, type MergeLogEntry } from '../../../shared/api/team';
import type { Project } from '../../store/db';

// The master's merge log: one row per file merged (name, project id, SHA-256,
// time, counts). Its report column also keeps what later merges need: the
// natural-key matches made (so they hold after a rename), and how far the copy
// and the master were in step (so a later merge of the same copy can tell the
// coder's new edits from old ones).

export interface LogReport {
  coder: string | null;
  madeAt: string | null;
  /** which copy this was: a coder copy's origin, or the project id of another project */
  origin: string;
  highWater: string;
  /** the file's identity on disk when merged (merge-source.ts fileIdentity) */
  identity?: string | null;
  aliases: Partial<Record<MergeKind, Record<string, string>>>;
  conflicts: MergeConflict[];
}

export interface LogRow {
  id: string;
  file_name: string;
  project_id: string;
  sha256: string;
  merged_at: string;
  counts: string;
  report: string;
}

/** Conflicts beyond this many per file are counted but not kept in the log. */
const KEEP_CONFLICTS = 2000;

export function readLogRows(p: Project): LogRow[] {
  return p.db.prepare('SELECT * FROM merges ORDER BY merged_at, rowid').all() as LogRow[];
}

export function parseReport(row: LogRow): LogReport {
  try {
    const r = JSON.parse(row.report) as Partial<LogReport>;
    return {
      coder: r.coder ?? null,
      madeAt: r.madeAt ?? null,
      origin: r.origin ?? '',
      highWater: r.highWater ?? '',
      identity: r.identity ?? null,
      aliases: r.aliases ?? {},
      conflicts: r.conflicts ?? [],
    };
  } catch {
    return { coder: null, madeAt: null, origin: '', highWater: '', aliases: {}, conflicts: [] };
  }
}

/** Every natural-key match made by earlier merges, copy id → master id. */
export function loggedAliases(rows: LogRow[]): Record<MergeKind, Map<string, string>> {
  const out = Object.fromEntries(MERGE_KINDS.map((k) => [k, new Map<string, string>()])) as Record<MergeKind, Map<string, string>>;
  for (const row of rows) {
    const { aliases } = parseReport(row);
    for (const kind of MERGE_KINDS) for (const [from, to] of Object.entries(aliases[kind] ?? {})) out[kind].set(from, to);
  }
  return out;
}

export function writeLogRow(p: Project, row: Omit<LogRow, 'counts' | 'report'>, counts: Record<MergeKind, MergeCounts>, report: LogReport): void {
  const kept = { ...report, conflicts: report.conflicts.slice(0, KEEP_CONFLICTS) };
  p.db
    .prepare('INSERT INTO merges (id, file_name, project_id, sha256, merged_at, counts, report) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(row.id, row.file_name, row.project_id, row.sha256, row.merged_at, JSON.stringify(counts), JSON.stringify(kept));
}

export function mergeLog(p: Project): MergeLogEntry[] {
  return readLogRows(p)
    .reverse()
    .map((row) => {
      let counts = {} as Record<MergeKind, MergeCounts>;
      try {
        counts = JSON.parse(row.counts) as Record<MergeKind, MergeCounts>;
      } catch {
        // a damaged log row still lists the file
      }
      const conflicts = MERGE_KINDS.reduce((n, k) => n + (counts[k]?.conflicts ?? 0), 0);
      return { id: row.id, file: row.file_name, projectId: row.project_id, sha256: row.sha256, mergedAt: row.merged_at, counts, conflicts };
    });
}
