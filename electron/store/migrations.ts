import type Database from 'better-sqlite3';

// Numbered migrations in one ordered list. Numbers only go up; a shipped migration
// is never edited (add a new one instead). user_version records the last applied.

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
  /** frees a large share of the file: VACUUM once it is applied, so the file shrinks too */
  compact?: boolean;
}

// Every merged entity has a UUID, updated_at, the coder who made the change and a
// tombstone (deleted_at), so copies of a project can be merged by identity.
const v1 = `
CREATE TABLE project (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  codebook TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE coders (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX coders_name ON coders(name COLLATE NOCASE);

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  coder_id TEXT NOT NULL REFERENCES coders(id),
  deleted_at TEXT
) STRICT;
CREATE INDEX cases_name ON cases(name COLLATE NOCASE);

CREATE TABLE attributes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  coder_id TEXT NOT NULL REFERENCES coders(id),
  deleted_at TEXT
) STRICT;

CREATE TABLE attribute_values (
  case_id TEXT NOT NULL REFERENCES cases(id),
  attribute_id TEXT NOT NULL REFERENCES attributes(id),
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  coder_id TEXT NOT NULL REFERENCES coders(id),
  PRIMARY KEY (case_id, attribute_id)
) STRICT;

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  case_id TEXT REFERENCES cases(id),
  text TEXT NOT NULL,
  chars INTEGER NOT NULL, -- UTF-16 code units, the unit of offsets
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT NOT NULL,
  source_name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  coder_id TEXT NOT NULL REFERENCES coders(id),
  deleted_at TEXT
) STRICT;
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE INDEX documents_case ON documents(case_id);

-- Turns belong to the immutable text: written once at import, never edited.
CREATE TABLE turns (
  document_id TEXT NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  speaker TEXT,
  role TEXT,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  time_start REAL,
  time_end REAL,
  PRIMARY KEY (document_id, idx)
) STRICT, WITHOUT ROWID;

CREATE TABLE codes (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES codes(id),
  name TEXT NOT NULL,
  colour TEXT NOT NULL,
  sort REAL NOT NULL DEFAULT 0,
  definition TEXT NOT NULL DEFAULT '',
  when_to_use TEXT NOT NULL DEFAULT '',
  when_not_to_use TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  coder_id TEXT NOT NULL REFERENCES coders(id),
  deleted_at TEXT
) STRICT;
CREATE INDEX codes_parent ON codes(parent_id);

CREATE TABLE segments (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  code_id TEXT NOT NULL REFERENCES codes(id),
  coder_id TEXT NOT NULL REFERENCES coders(id),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK (start >= 0 AND end > start)
) STRICT;
CREATE INDEX segments_document ON segments(document_id, start);
CREATE INDEX segments_code ON segments(code_id);

CREATE TABLE anchor_examples (
  code_id TEXT NOT NULL REFERENCES codes(id),
  segment_id TEXT NOT NULL REFERENCES segments(id),
  note TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  coder_id TEXT NOT NULL REFERENCES coders(id),
  deleted_at TEXT,
  PRIMARY KEY (code_id, segment_id)
) STRICT;

CREATE TABLE memos (
  id TEXT PRIMARY KEY,
  target TEXT NOT NULL,
  target_id TEXT,
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  coder_id TEXT NOT NULL REFERENCES coders(id),
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX memos_target ON memos(target, target_id);

CREATE TABLE merges (
  id TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  project_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  merged_at TEXT NOT NULL,
  counts TEXT NOT NULL,
  report TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE VIRTUAL TABLE document_search USING fts5(
  document_id UNINDEXED,
  text,
  tokenize = 'unicode61 remove_diacritics 2'
);
`;

// The search index kept a second copy of every transcript (half the file). It now
// stores only the index: contentless FTS5, which the store keeps in step with the
// documents table (rows added at import and merge, removed when a document is
// deleted); the text itself is read from documents. Rebuilt from the live documents.
const v2 = `
DROP TABLE document_search;
CREATE VIRTUAL TABLE document_search USING fts5(
  document_id UNINDEXED,
  text,
  content = '',
  contentless_delete = 1,
  contentless_unindexed = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
`;
const fillSearch = 'INSERT INTO document_search (document_id, text) SELECT id, text FROM documents WHERE deleted_at IS NULL';

/**
 * A file whose index already has this form is only refilled: SQLite's FTS5 leaves
 * the content table of a contentless_unindexed index behind on DROP, so it could
 * not be created again (and defensive mode forbids dropping that table by name).
 */
function searchWithoutText(db: Database.Database): void {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'document_search'").pluck().get() as string | undefined;
  if (sql?.includes('contentless_unindexed')) db.exec('DELETE FROM document_search');
  else db.exec(v2);
  db.exec(fillSearch);
}

// The search index only narrows a query to the documents holding every word; search
// then finds the words (and phrases) in each document's text itself. So the index
// needs no word positions: detail=column keeps which documents hold a word, a tenth
// of the positions' size. Phrase queries of FTS5 are refused in this form; search
// quotes each word on its own, so it never asks one. Rebuilt from the live documents.
const v6 = `
CREATE VIRTUAL TABLE document_search USING fts5(
  document_id UNINDEXED,
  text,
  content = '',
  contentless_delete = 1,
  contentless_unindexed = 1,
  detail = column,
  tokenize = 'unicode61 remove_diacritics 2'
);
`;

function searchWithoutPositions(db: Database.Database): void {
  db.exec('DROP TABLE document_search');
  // FTS5 leaves the content table of a contentless_unindexed index behind on DROP,
  // and defensive mode guards it as a shadow table until the schema is read again:
  // only this one statement runs without that guard.
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'document_search_content'").get()) {
    db.unsafeMode(true);
    try {
      db.exec('DROP TABLE document_search_content');
    } finally {
      db.unsafeMode(false);
    }
  }
  db.exec(v6);
  db.exec(fillSearch);
}

// Reliability samples: the documents drawn for double coding, how they were drawn
// (N documents or N %, stratified by a case attribute, the seed) so the draw can be
// reported and repeated. Samples live in the master; they are not merged.
const v4 = `
CREATE TABLE reliability_samples (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  size_kind TEXT NOT NULL CHECK (size_kind IN ('documents', 'percent')),
  size_value REAL NOT NULL,
  stratified_by TEXT,
  seed INTEGER NOT NULL,
  coder_id TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX reliability_samples_name ON reliability_samples(name COLLATE NOCASE);

CREATE TABLE reliability_sample_documents (
  sample_id TEXT NOT NULL REFERENCES reliability_samples(id) ON DELETE CASCADE,
  document_id TEXT NOT NULL REFERENCES documents(id),
  stratum TEXT,
  PRIMARY KEY (sample_id, document_id)
) STRICT;
`;

// Analysis (issue 14): framework-matrix summaries, case-study templates and
// partner-school pairs. Summaries are cells of a grid — a row (a case, a document
// or an analysis group) by a column (a code, or a template section) — and carry
// identity, writer, time and tombstone like memos, so coder copies merge them.
const v5 = `
CREATE TABLE summaries (
  id TEXT PRIMARY KEY,
  row_kind TEXT NOT NULL CHECK (row_kind IN ('case', 'document', 'group')),
  row_key TEXT NOT NULL,
  column_kind TEXT NOT NULL CHECK (column_kind IN ('code', 'section', 'memo')),
  column_key TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  coder_id TEXT NOT NULL REFERENCES coders(id),
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX summaries_cell ON summaries(row_kind, row_key, column_kind, column_key);

CREATE TABLE templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  sections TEXT NOT NULL CHECK (json_valid(sections)),
  coder_id TEXT NOT NULL REFERENCES coders(id),
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE TABLE pairs (
  id TEXT PRIMARY KEY,
  case_a TEXT NOT NULL REFERENCES cases(id),
  case_b TEXT NOT NULL REFERENCES cases(id),
  coder_id TEXT NOT NULL REFERENCES coders(id),
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK (case_a < case_b)
) STRICT;
CREATE INDEX pairs_a ON pairs(case_a);
CREATE INDEX pairs_b ON pairs(case_b);
`;

// Counting the live segments (\`fieldcode info\`, the app's title bar) read the whole
// segments table, 10 MB for 50,000 segments, a quarter of \`info\`'s time. An index of
// deleted_at (almost all NULL: a few bytes a row) answers the count by itself.
const v7 = `CREATE INDEX segments_live ON segments(deleted_at);`;

export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'project file', up: (db) => db.exec(v1) },
  { version: 2, name: 'search index without a copy of the text', up: searchWithoutText, compact: true },
  { version: 4, name: 'reliability samples', up: (db) => db.exec(v4) },
  { version: 5, name: 'analysis: summaries, templates, pairs', up: (db) => db.exec(v5) },
  { version: 6, name: 'search index without word positions', up: searchWithoutPositions, compact: true },
  { version: 7, name: 'an index of the live segments', up: (db) => db.exec(v7) },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Applies every migration above the file's user_version, each in its own transaction. */
export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  let compact = false;
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    compact ||= !!m.compact && current > 0;
  }
  // VACUUM cannot run inside a transaction; a new file (version 0) has nothing to free.
  if (compact && !db.inTransaction) db.exec('VACUUM');
}
