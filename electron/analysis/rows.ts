import type { Case } from '../../shared/types';
import { NotFoundError } from '../../shared/errors';
import { resolveAttributes } from '../reports/filter';
import { listCases } from '../store/cases';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';

// The cases an analysis looks at: filtered by attribute values (ignoring case),
// grouped by up to two attributes, in a stable order (group, then name).

export type Where = Record<string, string[]>;

export function attributeOf(c: Case, name: string): string {
  const key = Object.keys(c.attributes).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? c.attributes[key] : '';
}

export function passes(c: Case, where: Where | undefined): boolean {
  return Object.entries(where ?? {}).every(([k, vs]) => vs.some((v) => v.toLowerCase() === attributeOf(c, k).toLowerCase()));
}

export function checkedWhere(p: Project, where: Where | undefined): Where | undefined {
  if (!where) return undefined;
  const names = resolveAttributes(p, Object.keys(where));
  return Object.fromEntries(Object.values(where).map((vs, i) => [names[i], vs]));
}

export interface Grouped {
  key: string;
  group: Record<string, string>;
  label: string;
  cases: Case[];
}

/** "continent=Africa;phase=primary", the key a group's summaries are filed under. */
export const groupKey = (group: Record<string, string>): string =>
  Object.entries(group)
    .map(([k, v]) => `${k}=${v}`)
    .join(';');

export function groupCases(p: Project, by: string[], where?: Where): Grouped[] {
  const names = by.length ? resolveAttributes(p, by) : [];
  const groups = new Map<string, Grouped>();
  for (const c of listCases(p)) {
    if (!passes(c, where)) continue;
    const group = Object.fromEntries(names.map((n) => [n, attributeOf(c, n) || '(none)']));
    const key = groupKey(group);
    const g = groups.get(key) ?? { key, group, label: names.map((n) => group[n]).join(' · '), cases: [] };
    g.cases.push(c);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}

export function caseByName(p: Project, name: string): Case {
  const all = listCases(p);
  const c = all.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!c) throw new NotFoundError(`no case named "${name}" in this project`);
  return c;
}

/**
 * Code paths from a comma-separated list. Some of the frame's names hold a comma
 * ("students' emails, texts, letters"), so pieces are joined until a path resolves.
 */
export function codesFromList(p: Project, list: string): string[] {
  const paths = new Map(listCodes(p).map((c) => [c.path.toLowerCase(), c.id]));
  const pieces = list.split(',');
  const out: string[] = [];
  for (let i = 0; i < pieces.length;) {
    let found = -1;
    for (let j = i; j < pieces.length && found < 0; j++) if (paths.has(clean(pieces.slice(i, j + 1).join(',')))) found = j;
    if (found < 0) {
      if (!pieces[i].trim()) {
        i++;
        continue;
      }
      throw new NotFoundError(`no code "${pieces[i].trim()}" in the codebook (give paths such as Students/Knowledge/global issues)`);
    }
    out.push(paths.get(clean(pieces.slice(i, found + 1).join(',')))!);
    i = found + 1;
  }
  return out;
}

const clean = (s: string) =>
  s
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase();
