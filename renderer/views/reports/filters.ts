import type { Input } from '../../../shared/api';
import type { Case } from '../../../shared/types';

// The filter form's state and its translation into the API's retrieval filter.

export interface Condition {
  attribute: string;
  value: string;
}

export interface FilterState {
  codeIds: string[];
  /** chosen codes bring their sub-codes' segments */
  descendants: boolean;
  /** case attribute = value; the same attribute twice means either value */
  where: Condition[];
  kinds: string[];
  /** speaker names or participant roles */
  speakers: string[];
  coderIds: string[];
  /** characters of context either side of each segment */
  context: number;
}

export const emptyFilter: FilterState = { codeIds: [], descendants: true, where: [], kinds: [], speakers: [], coderIds: [], context: 0 };

export type ApiFilter = NonNullable<Input<'reports.exportSegments'>['filter']>;

export const MAX_CONTEXT = 5000;

export function toApiFilter(f: FilterState): ApiFilter {
  const out: ApiFilter = {};
  if (f.codeIds.length) {
    out.codeIds = f.codeIds;
    out.descendants = f.descendants;
  }
  const where: Record<string, string[]> = {};
  for (const c of f.where) if (c.attribute && c.value) where[c.attribute] = [...new Set([...(where[c.attribute] ?? []), c.value])];
  if (Object.keys(where).length) out.where = where;
  if (f.kinds.length) out.kinds = f.kinds;
  if (f.speakers.length) out.speakers = f.speakers;
  if (f.coderIds.length) out.coderIds = f.coderIds;
  const context = Math.min(MAX_CONTEXT, Math.max(0, Math.round(f.context) || 0));
  if (context > 0) out.context = context;
  return out;
}

/** How many kinds of restriction are set (codes, conditions, kinds, speakers, coders). */
export function activeFilters(f: FilterState): number {
  return [f.codeIds.length, f.where.filter((c) => c.attribute && c.value).length, f.kinds.length, f.speakers.length, f.coderIds.length].filter((n) => n > 0)
    .length;
}

/** Values each attribute takes among the cases, sorted, for the condition pickers. */
export function attributeValues(cases: Case[]): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  for (const c of cases) for (const [k, v] of Object.entries(c.attributes)) if (v) (out[k] ??= new Set()).add(v);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))]));
}

export function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}
