import Database from 'better-sqlite3';
import { ProjectFileError } from '../../shared/errors';
import KNOWN_SCHEMA from './known-schema.json';
import { MIGRATIONS, migrate } from './migrations';

// A project file is data, never code. A planted trigger or view would run on the
// researcher's machine each time Fieldcode writes (a trigger can rewrite any row),
// so a file is opened only if every object in its schema is one Fieldcode's own
// migrations create, with the same SQL, at some version up to this one.

let known: Set<string> | null = null;

const key = (type: string, name: string, sql: string | null) => `${type}\u0000${name}\u0000${sql ?? ''}`;

export type SchemaObject = [type: string, name: string, sql: string | null];

/**
 * Every (type, name, sql) a Fieldcode file can hold after any prefix of the
 * migrations, found by replaying them in memory (about 10 ms, which every command
 * would pay on opening a project). known-schema.json holds the result, and a test
 * keeps it equal to this replay; `npm run schema:known` writes it again.
 */
export function replayedSchema(): SchemaObject[] {
  const db = new Database(':memory:');
  const seen = new Map<string, SchemaObject>();
  try {
    for (const m of MIGRATIONS) {
      migrate(db, [m]);
      for (const o of db.prepare('SELECT type, name, sql FROM sqlite_master').all() as { type: string; name: string; sql: string | null }[])
        seen.set(key(o.type, o.name, o.sql), [o.type, o.name, o.sql]);
    }
  } finally {
    db.close();
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, o]) => o);
}

function knownObjects(): Set<string> {
  return (known ??= new Set((KNOWN_SCHEMA as SchemaObject[]).map(([type, name, sql]) => key(type, name, sql))));
}

/** SQLite's own bookkeeping tables, created on demand (ANALYZE, AUTOINCREMENT). */
const SQLITE_INTERNAL = /^sqlite_(stat\d|sequence)$/;

/** Refuses, in one line, a file whose schema holds objects Fieldcode did not create. */
export function checkSchema(db: Database.Database, file: string): void {
  const allowed = knownObjects();
  const objects = db.prepare('SELECT type, name, sql FROM main.sqlite_master').all() as { type: string; name: string; sql: string | null }[];
  const foreign = objects.filter((o) => !SQLITE_INTERNAL.test(o.name) && !allowed.has(key(o.type, o.name, o.sql)));
  if (foreign.length === 0) return;
  const what = foreign
    .slice(0, 3)
    .map((o) => `${o.type} "${o.name}"`)
    .join(', ');
  throw new ProjectFileError(
    file,
    `refused: the file holds ${what}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''} that Fieldcode did not create (it may have been tampered with)`,
  );
}
