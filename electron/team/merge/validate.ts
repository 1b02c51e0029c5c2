import type { MergeKind } from '../../../shared/api/team';
import { MEMO_TARGETS, type Row } from './model';
import { MergeRefusal } from './source';

// A copy is another person's file: every field it brings in is held to the rules
// the API applies to the same field typed in the app (shared/api), so nothing a
// hand-edited copy holds — a colour that is really CSS, a 10 MB code name, a
// negative offset — reaches the master or a report.

const HEX = /^#[0-9a-f]{6}$/i;

type Rule = (v: unknown) => boolean;
const str =
  (max: number, min = 0): Rule =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max;
const optStr =
  (max: number): Rule =>
  (v) =>
    v === null || str(max)(v);
const int: Rule = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const stamp: Rule = (v) => v === null || (typeof v === 'string' && v.length <= 64);

const CODE_NAME = str(200, 1);

/** The API's limits (shared/api/*.ts) for each column a merge copies in. */
const RULES: Record<string, Rule> = {
  name: str(1000, 1),
  colour: (v) => typeof v === 'string' && HEX.test(v),
  definition: optStr(20_000),
  when_to_use: optStr(20_000),
  when_not_to_use: optStr(20_000),
  title: optStr(500),
  body: optStr(1_000_000),
  memo: optStr(100_000),
  note: optStr(5000),
  value: optStr(10_000),
  sort: (v) => typeof v === 'number' && Number.isFinite(v),
  start: int,
  end: int,
  target: (v) => typeof v === 'string' && Object.hasOwn(MEMO_TARGETS, v),
  updated_at: stamp,
  created_at: stamp,
  deleted_at: stamp,
};

function label(kind: MergeKind, row: Row): string {
  const name = typeof row.name === 'string' ? ` "${row.name.slice(0, 60)}"` : '';
  return `${kind.replace(/s$/, '')}${name}${typeof row.id === 'string' ? ` (${row.id.slice(0, 40)})` : ''}`;
}

/** Refuses the copy, in one line, at the first field that breaks the API's rules. */
export function validateRows(file: string, kind: MergeKind, rows: Row[]): void {
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      const rule = (kind === 'codes' && column === 'name' ? CODE_NAME : undefined) ?? RULES[column];
      if (rule && !rule(value)) {
        const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : String(value);
        throw new MergeRefusal(
          file,
          `refused: ${label(kind, row)} has ${column} ${shown}, which Fieldcode does not accept; the file may have been edited by hand`,
        );
      }
    }
    if (typeof row.start === 'number' && typeof row.end === 'number' && row.end <= row.start) {
      throw new MergeRefusal(file, `refused: ${label(kind, row)} ends before it starts (${row.start}–${row.end})`);
    }
  }
}
