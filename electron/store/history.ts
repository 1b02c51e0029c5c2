import type { HistoryState } from '../../shared/api/project';
import { InputError } from '../../shared/errors';
import type { Project } from './db';
import { sqlName } from './sql';

// Undo and redo for the interactive session. TEMP triggers (they live only on this
// connection, so the CLI, merges and imports pay nothing) record each changed row's
// before and after image as JSON, grouped by the user action that changed it.
// Undo writes the before images back, redo the after images — with a fresh
// updated_at, so the restored state is also the newest one for a later merge.

const TRACKED = [
  'codes',
  'segments',
  'anchor_examples',
  'memos',
  'cases',
  'attributes',
  'attribute_values',
  'documents',
  'summaries',
  'templates',
  'pairs',
] as const;
type Tracked = (typeof TRACKED)[number];

interface TableInfo {
  columns: string[];
  keys: string[];
}

const enabled = new WeakSet<Project>();
const active = new WeakSet<Project>();
const infoCache = new WeakMap<Project, Map<Tracked, TableInfo>>();

function tableInfo(p: Project): Map<Tracked, TableInfo> {
  let cached = infoCache.get(p);
  if (cached) return cached;
  cached = new Map();
  for (const t of TRACKED) {
    const cols = p.db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(t) as { name: string; pk: number }[];
    cached.set(t, {
      columns: cols.map((c) => c.name),
      keys: cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
    });
  }
  infoCache.set(p, cached);
  return cached;
}

function jsonOf(prefix: 'NEW' | 'OLD', cols: string[]): string {
  return `json_object(${cols.map((c) => `'${c}', ${prefix}."${c}"`).join(', ')})`;
}

/** Turns on undo recording for this connection (the app and the bridge do; the CLI doesn't). */
export function enableHistory(p: Project): void {
  if (enabled.has(p)) return;
  const db = p.db;
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS history_state (one INTEGER PRIMARY KEY CHECK (one = 1), action INTEGER);
    INSERT OR IGNORE INTO temp.history_state (one, action) VALUES (1, NULL);
    CREATE TEMP TABLE IF NOT EXISTS history_actions (id INTEGER PRIMARY KEY, label TEXT NOT NULL, undone INTEGER NOT NULL DEFAULT 0, joins TEXT, last_at INTEGER);
    CREATE TEMP TABLE IF NOT EXISTS history_rows (seq INTEGER PRIMARY KEY, action INTEGER NOT NULL, tbl TEXT NOT NULL, before TEXT, after TEXT);
  `);
  const when = 'WHEN (SELECT action FROM temp.history_state) IS NOT NULL';
  const action = '(SELECT action FROM temp.history_state)';
  for (const [t, info] of tableInfo(p)) {
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS history_${t}_insert AFTER INSERT ON main.${t} ${when} BEGIN
        INSERT INTO temp.history_rows (action, tbl, before, after) VALUES (${action}, '${t}', NULL, ${jsonOf('NEW', info.columns)});
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS history_${t}_update AFTER UPDATE ON main.${t} ${when} BEGIN
        INSERT INTO temp.history_rows (action, tbl, before, after) VALUES (${action}, '${t}', ${jsonOf('OLD', info.columns)}, ${jsonOf('NEW', info.columns)});
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS history_${t}_delete AFTER DELETE ON main.${t} ${when} BEGIN
        INSERT INTO temp.history_rows (action, tbl, before, after) VALUES (${action}, '${t}', ${jsonOf('OLD', info.columns)}, NULL);
      END;
    `);
  }
  enabled.add(p);
}

/** Saves of one text field closer together than this are one undo step (the renderer saves every pause in typing). */
export const JOIN_WINDOW_MS = 5000;

/**
 * Runs one user action as one transaction. With history enabled, its row changes
 * become one undo step labelled `label`, and the redo list is cleared.
 * `joins` names the field a save-while-typing writes (`code <id> definition`): when the
 * last step wrote the same field less than JOIN_WINDOW_MS ago, this save joins that step,
 * so undo puts back the text from before the typing began, not the last few letters.
 */
export function action<T>(p: Project, label: string, fn: () => T, joins?: string): T {
  // An action inside another (ensureCodePath while coding in vivo) joins the outer step.
  if (!enabled.has(p) || active.has(p)) return p.db.transaction(fn)();
  active.add(p);
  try {
    return record(p, label, fn, joins ?? null);
  } finally {
    active.delete(p);
  }
}

function record<T>(p: Project, label: string, fn: () => T, joins: string | null): T {
  return p.db.transaction(() => {
    p.db.exec(`DELETE FROM temp.history_rows WHERE action IN (SELECT id FROM temp.history_actions WHERE undone = 1);
               DELETE FROM temp.history_actions WHERE undone = 1;`);
    const at = Date.now();
    const last = p.db.prepare('SELECT id, joins, last_at FROM temp.history_actions ORDER BY id DESC LIMIT 1').get() as
      { id: number; joins: string | null; last_at: number | null } | undefined;
    const joined = joins !== null && last?.joins === joins && last.last_at !== null && at - last.last_at >= 0 && at - last.last_at < JOIN_WINDOW_MS;
    const id = joined ? last.id : Number(p.db.prepare('INSERT INTO temp.history_actions (label, joins) VALUES (?, ?)').run(label, joins).lastInsertRowid);
    p.db.prepare('UPDATE temp.history_state SET action = ?').run(id);
    try {
      const result = fn();
      const changed = p.db.prepare('SELECT count(*) FROM temp.history_rows WHERE action = ?').pluck().get(id) as number;
      if (changed === 0) p.db.prepare('DELETE FROM temp.history_actions WHERE id = ?').run(id);
      else p.db.prepare('UPDATE temp.history_actions SET last_at = ? WHERE id = ?').run(at, id);
      return result;
    } finally {
      p.db.prepare('UPDATE temp.history_state SET action = NULL').run();
    }
  })();
}

/**
 * Forgets the undo and redo steps. After a merge rewrote rows from other files,
 * undoing an older step would write back images that predate the merge and
 * silently overwrite what it brought in; the merge's backup is the way back.
 */
export function forgetHistory(p: Project): void {
  if (!enabled.has(p)) return;
  p.db.exec('DELETE FROM temp.history_rows; DELETE FROM temp.history_actions;');
}

export function historyState(p: Project): HistoryState {
  if (!enabled.has(p)) return { undo: null, redo: null };
  const undo = p.db.prepare('SELECT label FROM temp.history_actions WHERE undone = 0 ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  const redo = p.db.prepare('SELECT label FROM temp.history_actions WHERE undone = 1 ORDER BY id ASC LIMIT 1').pluck().get() as string | undefined;
  return { undo: undo ?? null, redo: redo ?? null };
}

function writeImage(p: Project, table: Tracked, image: Record<string, unknown>, now: string): void {
  const info = tableInfo(p).get(table)!;
  const row = { ...image };
  if ('updated_at' in row) row.updated_at = now;
  const cols = info.columns;
  const updates = cols.filter((c) => !info.keys.includes(c)).map((c) => `"${c}" = excluded."${c}"`);
  p.db
    .prepare(
      `INSERT INTO main.${sqlName(table, TRACKED)} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
       ON CONFLICT(${info.keys.map((k) => `"${k}"`).join(', ')}) DO UPDATE SET ${updates.join(', ')}`,
    )
    .run(...cols.map((c) => row[c] ?? null));
}

/** Undoing an insert: a tombstone where the table has one (merges then see it), else a delete. */
function removeImage(p: Project, table: Tracked, image: Record<string, unknown>, now: string): void {
  const info = tableInfo(p).get(table)!;
  if (info.columns.includes('deleted_at')) {
    writeImage(p, table, { ...image, deleted_at: now }, now);
    return;
  }
  p.db.prepare(`DELETE FROM main.${sqlName(table, TRACKED)} WHERE ${info.keys.map((k) => `"${k}" = ?`).join(' AND ')}`).run(...info.keys.map((k) => image[k]));
}

const keyOf = (info: TableInfo, image: Record<string, unknown>) => JSON.stringify(info.keys.map((k) => image[k]));

/** Equal but for updated_at, which each replay renews. */
function sameRow(info: TableInfo, a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return info.columns.every((c) => c === 'updated_at' || (a[c] ?? null) === (b[c] ?? null));
}

/**
 * The row a step is about to restore must still hold what the step (or its last
 * replay) left there; otherwise someone else wrote it since, and replaying would
 * overwrite their work. Returns what changed, or null when every row is as left.
 */
function changedSince(p: Project, rows: { tbl: Tracked; before: string | null; after: string | null }[], direction: 'undo' | 'redo'): string | null {
  const checked = new Set<string>();
  for (const r of rows) {
    const info = tableInfo(p).get(r.tbl)!;
    const left = direction === 'undo' ? r.after : r.before;
    const image = JSON.parse((r.after ?? r.before)!) as Record<string, unknown>;
    const key = `${r.tbl}\u0000${keyOf(info, image)}`;
    if (checked.has(key)) continue;
    checked.add(key);
    const now = p.db
      .prepare(`SELECT ${info.columns.map((c) => `"${c}"`).join(', ')} FROM main.${r.tbl} WHERE ${info.keys.map((k) => `"${k}" = ?`).join(' AND ')}`)
      .get(...info.keys.map((k) => image[k])) as Record<string, unknown> | undefined;
    const expected = left ? (JSON.parse(left) as Record<string, unknown>) : null;
    const ok = expected ? !!now && sameRow(info, now, expected) : !now || (info.columns.includes('deleted_at') && now.deleted_at !== null);
    if (!ok) return `${r.tbl.replace(/_/g, ' ').replace(/s$/, '')} ${typeof image.name === 'string' ? `"${image.name}"` : String(image[info.keys[0]])}`;
  }
  return null;
}

function replay(p: Project, direction: 'undo' | 'redo'): string | null {
  if (!enabled.has(p)) return null;
  return p.db.transaction(() => {
    const act = p.db
      .prepare(
        direction === 'undo'
          ? 'SELECT id, label FROM temp.history_actions WHERE undone = 0 ORDER BY id DESC LIMIT 1'
          : 'SELECT id, label FROM temp.history_actions WHERE undone = 1 ORDER BY id ASC LIMIT 1',
      )
      .get() as { id: number; label: string } | undefined;
    if (!act) return null;
    const rows = p.db
      .prepare(`SELECT tbl, before, after FROM temp.history_rows WHERE action = ? ORDER BY seq ${direction === 'undo' ? 'DESC' : 'ASC'}`)
      .all(act.id) as { tbl: Tracked; before: string | null; after: string | null }[];
    const changed = changedSince(p, rows, direction);
    if (changed) {
      throw new InputError(
        `cannot ${direction} "${act.label}": the ${changed} was changed since (by a merge, another window or the command line), and ${direction === 'undo' ? 'undoing' : 'redoing'} would overwrite that change`,
      );
    }
    const now = p.now();
    p.db.pragma('defer_foreign_keys = ON');
    for (const r of rows) {
      const target = direction === 'undo' ? r.before : r.after;
      const other = direction === 'undo' ? r.after : r.before;
      if (target) writeImage(p, r.tbl, JSON.parse(target), now);
      else if (other) removeImage(p, r.tbl, JSON.parse(other), now);
    }
    p.db.prepare('UPDATE temp.history_actions SET undone = ? WHERE id = ?').run(direction === 'undo' ? 1 : 0, act.id);
    // Undo and redo end any typing in progress: the next save is a step of its own.
    p.db.exec('UPDATE temp.history_actions SET joins = NULL');
    return act.label;
  })();
}

export const undo = (p: Project): string | null => replay(p, 'undo');
export const redo = (p: Project): string | null => replay(p, 'redo');
