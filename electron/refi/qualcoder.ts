import { asGuid, deriveGuid } from '../formats/refi/guid';
import { flattenCodes, type RefiCode, type RefiNote } from '../formats/refi/model';
import type { Memo } from '../../shared/types';
import { appendMemos, type MemoSection } from './memo-sections';
import { ORIGIN, type RefiExport } from './export';
import type { ProjectSnapshot } from './snapshot';

// A standard export (export.ts, positions in UTF-16 units) reshaped into the
// forms QualCoder's REFI-QDA import reads (learnt from its refi.py):
// - code names are unique in a QualCoder project; a second code of a name is
//   silently merged into the first, so clashing names get their branch added;
// - a case's documents become case text only through a Code with the Case's GUID
//   whose codings it moves to the case: a 0–0 selection is QualCoder's own
//   whole-document link (the standard SourceRefs stay as well);
// - a Note becomes a journal only with a name, a creation date and its text in an
//   internal .txt file (project memos and matrix summaries are written so); memos
//   on codes, documents, cases and codings live in their Description, so those
//   memos are written there as "Memo:" paragraphs.
// Everything stays valid against the REFI-QDA schema.

export const QUALCODER_ORIGIN = `${ORIGIN} (for QualCoder)`;

export interface Adapted {
  /** each renamed code: "Students/Knowledge/global issues → global issues (Students › Knowledge)" */
  renamed: string[];
  /** what else was written QualCoder's way, in words */
  adapted: string[];
}

function uniqueName(name: string, taken: Set<string>): string {
  let out = name;
  for (let n = 2; taken.has(out); n++) out = `${name} ${n}`;
  taken.add(out);
  return out;
}

/** Codes that share a name get their branch added ("global issues (Students › Knowledge)"); a top-level one keeps its name. */
function uniqueCodeNames(codes: RefiCode[]): string[] {
  const all = flattenCodes(codes);
  const branch = new Map<RefiCode, string[]>();
  for (const { code, parent } of all) branch.set(code, parent ? [...branch.get(parent)!, parent.name] : []);
  const count = new Map<string, number>();
  for (const { code } of all) count.set(code.name, (count.get(code.name) ?? 0) + 1);
  const taken = new Set(all.filter(({ code, parent }) => count.get(code.name) === 1 || !parent).map(({ code }) => code.name));
  const renamed: string[] = [];
  for (const { code, parent } of all) {
    if (count.get(code.name) === 1 || !parent) continue;
    const path = branch.get(code)!;
    const name = uniqueName(`${code.name} (${path.join(' › ')})`, taken);
    renamed.push(`${[...path, code.name].join('/')} → ${name}`);
    code.name = name;
  }
  return renamed;
}

function sections(memos: Memo[] | undefined): MemoSection[] {
  return (memos ?? []).map((m) => ({ title: m.title, body: m.body }));
}

export function adaptForQualCoder(x: RefiExport, s: ProjectSnapshot): Adapted {
  const p = x.project;
  p.origin = QUALCODER_ORIGIN;
  const renamed = uniqueCodeNames(p.codes);
  const adapted: string[] = ['positions counted in UTF-16 units, as QualCoder counts them'];

  const memosOf = new Map<string, Memo[]>();
  for (const m of s.memos) if (m.target !== 'project' && m.targetId) memosOf.set(asGuid(m.targetId), [...(memosOf.get(asGuid(m.targetId)) ?? []), m]);
  let inDescriptions = 0;
  const into = (guid: string, text: string) => {
    const memos = sections(memosOf.get(guid));
    inDescriptions += memos.length;
    return appendMemos(text, memos);
  };
  for (const { code } of flattenCodes(p.codes)) {
    code.description = into(code.guid, code.description);
    code.noteRefs = [];
  }
  for (const c of p.cases) c.description = into(c.guid, c.description);
  for (const src of p.sources) {
    src.description = into(src.guid, src.description);
    src.noteRefs = [];
    for (const sel of src.selections) {
      sel.description = into(sel.guid, sel.description);
      sel.noteRefs = [];
    }
  }
  p.links = [];
  if (inDescriptions) adapted.push(`${inDescriptions} memo(s) on codes, documents, cases and segments written into their descriptions`);

  // Every other note (project memos, matrix summaries) becomes a journal: named uniquely, dated, text in sources/<guid>.txt.
  const described = new Set(s.memos.filter((m) => m.target !== 'project' && m.targetId).map((m) => asGuid(m.id)));
  const projectMemos = new Set(s.memos.filter((m) => m.target === 'project').map((m) => asGuid(m.id)));
  const journalNames = new Set<string>();
  const retitled: string[] = [];
  const created = p.creationDateTime ?? new Date(0).toISOString();
  p.notes = p.notes
    .filter((n) => !described.has(n.guid))
    .map((n): RefiNote => {
      x.sources.set(`sources/${n.guid}.txt`, n.plainTextContent ?? '');
      const when = n.creationDateTime ?? n.modifiedDateTime ?? created;
      const name = uniqueName(n.name.replace(/\s+/g, ' ').trim() || 'Memo', journalNames);
      if (name !== n.name) retitled.push(`"${n.name}" → "${name}"`);
      return {
        ...n,
        name,
        description: '',
        plainTextPath: `internal://${n.guid}.txt`,
        plainTextContent: null,
        creationDateTime: when,
        modifiedDateTime: n.modifiedDateTime ?? when,
      };
    });
  const memoJournals = p.notes.filter((n) => projectMemos.has(n.guid)).length;
  if (memoJournals) adapted.push(`${memoJournals} project memo(s) written as journals`);
  if (p.notes.length > memoJournals) adapted.push(`${p.notes.length - memoJournals} framework matrix summary(ies) written as journals`);
  if (retitled.length) adapted.push(`journal title(s) made unique, as QualCoder needs: ${retitled.join(', ')}`);

  // Whole-document case links as QualCoder makes them: a code with the case's GUID, coded 0–0.
  const codeNames = new Set(flattenCodes(p.codes).map(({ code }) => code.name));
  const sourceByGuid = new Map(p.sources.map((src) => [src.guid, src]));
  let links = 0;
  for (const c of p.cases) {
    if (c.sourceRefs.length === 0) continue;
    p.codes.push({ guid: c.guid, name: uniqueName(`Case: ${c.name}`, codeNames), color: null, isCodable: true, description: '', noteRefs: [], children: [] });
    for (const ref of c.sourceRefs) {
      const src = sourceByGuid.get(ref);
      if (!src) continue;
      const guid = deriveGuid('fieldcode', 'qualcoder case link', c.guid, ref);
      src.selections.push({
        guid,
        name: c.name,
        start: 0,
        end: 0,
        description: '',
        codings: [
          {
            guid: deriveGuid('fieldcode', 'qualcoder case coding', guid),
            codeRef: c.guid,
            creatingUser: src.creatingUser,
            creationDateTime: src.creationDateTime,
            noteRefs: [],
          },
        ],
        noteRefs: [],
        creatingUser: src.creatingUser,
        creationDateTime: src.creationDateTime,
        modifyingUser: null,
        modifiedDateTime: null,
      });
      links++;
    }
  }
  if (links) adapted.push(`${links} document–case link(s) written as QualCoder's whole-document case links (also as standard SourceRefs)`);
  if (renamed.length) adapted.push(`${renamed.length} code(s) renamed: QualCoder needs every code name to be unique`);
  return { renamed, adapted };
}
