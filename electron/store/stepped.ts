import type Database from 'better-sqlite3';

// A write too long to block the event loop for: one transaction whose body may
// await between its chunks, so a cancel or a progress event can get through while
// it runs. It is still one transaction (BEGIN IMMEDIATE … COMMIT): a crash or a
// throw at any point — a `Cancelled` included — leaves all or nothing. Writes of
// the body that use `db.transaction()` become savepoints inside it (better-sqlite3
// does that whenever the connection is already in a transaction).
//
// The connection stays inside the transaction across those awaits, so nothing else
// may use it meanwhile: in the app the session's gate (project/gate.ts) keeps every
// other call waiting until this one has committed or rolled back.

export async function steppedTransaction<T>(db: Database.Database, body: () => Promise<T>): Promise<T> {
  if (db.inTransaction) throw new Error('a stepped write cannot start inside another transaction');
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await body();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    // SQLite may already have rolled back (a failed COMMIT, a full disk), or the connection was closed.
    if (db.open && db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
