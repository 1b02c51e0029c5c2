import { InputError } from '../../shared/errors';

// Two helpers for SQL built from parts. Values are always bound; names are not
// bindable in SQL, so a name built into a statement must come from a fixed list.

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/**
 * `column IN (…)` for any number of values: the list is bound as one JSON array
 * and read back with json_each, so no list ever meets SQLite's cap on bound
 * parameters and nothing needs splitting into chunks (which also kept ORDER BY
 * from spanning the chunks). `column` must be a name from the caller's SQL.
 */
export function inList(column: string, values: readonly (string | number)[]): { sql: string; param: string } {
  if (!NAME.test(column)) throw new InputError(`"${column}" is not a column name`);
  return { sql: `${column} IN (SELECT value FROM json_each(?))`, param: JSON.stringify(values) };
}

/** A table or column name checked against the fixed list it must come from, ready to build into SQL. */
export function sqlName<T extends string>(name: string, allowed: readonly T[]): T {
  if (!NAME.test(name) || !(allowed as readonly string[]).includes(name)) throw new InputError(`"${name}" is not a known table or column`);
  return name as T;
}
