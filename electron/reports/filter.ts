import { DOCUMENT_KINDS } from '../../shared/types';
import { listAttributes, listCases } from '../store/cases';
import { listCoders } from '../store/coders';
import { listCodes, resolveCodePath } from '../store/codes';
import type { Project } from '../store/db';
import { InputError, NotFoundError } from '../../shared/errors';
import type { RetrievalFilter } from './retrieval';

// Report filters arrive by name from the command line and by id from the app.
// Both are checked here, so a typo in an attribute or a value is one clear line
// instead of an empty report that looks like a finding.

export interface FilterByName {
  /** code paths, matched ignoring case */
  codes?: string[];
  descendants?: boolean;
  /** "ATTR=VALUE"; repeating an attribute accepts any of its values */
  where?: string[];
  coders?: string[];
  kinds?: string[];
  /** speaker names or participant roles */
  speakers?: string[];
  context?: number;
}

/** "continent=Africa" → { continent: ["Africa"] }, repeated attributes collected. */
export function parseWhere(list: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? '' : item.slice(0, eq).trim();
    const value = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (!name || !value) throw new InputError(`--where "${item}" must look like ATTRIBUTE=VALUE, e.g. continent=Africa`);
    const key = Object.keys(out).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
    out[key] = [...(out[key] ?? []), value];
  }
  return out;
}

/** A document kind as typed ("focus-group", "Focus Group") → its stored name. */
export function normaliseKind(kind: string): string {
  const k = kind.trim().toLowerCase().replace(/[-_]+/g, ' ');
  if (!(DOCUMENT_KINDS as readonly string[]).includes(k)) throw new InputError(`unknown document kind "${kind}" (use ${DOCUMENT_KINDS.join(', ')})`);
  return k;
}

export function filterFromNames(p: Project, o: FilterByName): RetrievalFilter {
  const f: RetrievalFilter = {};
  if (o.codes?.length) f.codeIds = o.codes.map((c) => resolveCodePath(p, c).id);
  if (o.descendants) f.descendants = true;
  if (o.where?.length) f.where = parseWhere(o.where);
  if (o.coders?.length) {
    const coders = listCoders(p);
    f.coderIds = o.coders.map((name) => {
      const c = coders.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
      if (!c) throw new NotFoundError(`no coder named "${name}" in this project (coders: ${coders.map((x) => x.name).join(', ') || 'none'})`);
      return c.id;
    });
  }
  if (o.kinds?.length) f.kinds = o.kinds.map(normaliseKind);
  if (o.speakers?.length) f.speakers = o.speakers.map((s) => s.trim()).filter(Boolean);
  if (o.context !== undefined) {
    if (!Number.isInteger(o.context) || o.context < 0 || o.context > 5000)
      throw new InputError(`--context must be a whole number of characters from 0 to 5000, not "${o.context}"`);
    f.context = o.context;
  }
  return checkFilter(p, f);
}

/** Attribute names exactly as stored, matched ignoring case; unknown names are refused. */
export function resolveAttributes(p: Project, names: string[]): string[] {
  const known = listAttributes(p).map((a) => a.name);
  return names.map((n) => {
    const found = known.find((k) => k.toLowerCase() === n.trim().toLowerCase());
    if (!found) throw new NotFoundError(`no case attribute "${n}" in this project (attributes: ${known.join(', ') || 'none; import a case sheet first'})`);
    return found;
  });
}

/** Checks every name and id a filter refers to; returns it with attribute names as stored. */
export function checkFilter(p: Project, f: RetrievalFilter): RetrievalFilter {
  if (f.codeIds?.length) {
    const codes = new Set(p.db.prepare('SELECT id FROM codes WHERE deleted_at IS NULL').pluck().all() as string[]);
    for (const id of f.codeIds) if (!codes.has(id)) throw new NotFoundError(`no code with id ${id}`);
  }
  if (f.coderIds?.length) {
    const coders = new Set(listCoders(p).map((c) => c.id));
    for (const id of f.coderIds) if (!coders.has(id)) throw new NotFoundError(`no coder with id ${id}`);
  }
  for (const k of f.kinds ?? []) normaliseKind(k);
  if (!f.where || Object.keys(f.where).length === 0) return f;
  const cases = listCases(p);
  const where: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(f.where)) {
    const [attr] = resolveAttributes(p, [name]);
    const present = [...new Set(cases.map((c) => c.attributes[attr]).filter((v): v is string => !!v))].sort();
    for (const v of values) {
      if (!present.some((x) => x.toLowerCase() === v.trim().toLowerCase())) {
        throw new NotFoundError(`no case has ${attr} = "${v}" (values: ${present.join(', ') || 'none'})`);
      }
    }
    where[attr] = [...(where[attr] ?? []), ...values.map((v) => v.trim())];
  }
  return { ...f, where };
}

/** The filter in a researcher's words, one line per condition, for report headers. */
export function describeFilter(p: Project, f: RetrievalFilter): string[] {
  const lines: string[] = [];
  if (f.codeIds?.length) {
    const path = new Map(listCodes(p).map((c) => [c.id, c.path]));
    lines.push(`Codes: ${f.codeIds.map((id) => path.get(id) ?? id).join('; ')}${f.descendants ? ' (with their sub-codes)' : ''}`);
  }
  for (const [attr, values] of Object.entries(f.where ?? {})) lines.push(`${attr}: ${values.join(' or ')}`);
  if (f.kinds?.length) lines.push(`Document kinds: ${f.kinds.join(', ')}`);
  if (f.speakers?.length) lines.push(`Speakers or roles: ${f.speakers.join(', ')}`);
  if (f.coderIds?.length) {
    const name = new Map(listCoders(p).map((c) => [c.id, c.name]));
    lines.push(`Coders: ${f.coderIds.map((id) => name.get(id) ?? id).join(', ')}`);
  }
  if (f.context) lines.push(`Context: ${f.context} characters either side`);
  return lines.length ? lines : ['All coded segments'];
}
