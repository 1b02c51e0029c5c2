import { listSummaries } from '../analysis/summaries';
import { asGuid, deriveGuid } from '../formats/refi/guid';
import type { RefiCode, RefiProject } from '../formats/refi/model';
import type { Project } from '../store/db';

// Framework-matrix summaries in a REFI-QDA project: each becomes a Note (its text
// the note's content, its cell in the name). Where the standard gives a reference
// it is used — a NoteRef from the code (or the text source) the summary is about —
// and a case, which has no NoteRef in the schema, is joined by a Link, as case
// memos are. Section and group summaries are notes linked to their case, or
// listed among the project's notes. Nothing of a summary is left out.

function codeIndex(codes: RefiCode[], into = new Map<string, RefiCode>()): Map<string, RefiCode> {
  for (const c of codes) {
    into.set(c.guid, c);
    codeIndex(c.children, into);
  }
  return into;
}

export function addSummaryNotes(p: Project, project: RefiProject): number {
  const summaries = listSummaries(p);
  if (summaries.length === 0) return 0;
  const codes = codeIndex(project.codes);
  const sources = new Map(project.sources.map((s) => [s.guid, s]));
  const caseNames = new Map(project.cases.map((c) => [c.guid, c.name]));
  const coders = new Map(project.users.map((u) => [u.name, u.guid]));
  for (const s of summaries) {
    const guid = asGuid(s.id);
    const code = s.columnKind === 'code' ? codes.get(asGuid(s.columnKey)) : undefined;
    const row =
      s.rowKind === 'group'
        ? s.rowKey
        : s.rowKind === 'case'
          ? (caseNames.get(asGuid(s.rowKey)) ?? s.rowKey)
          : (sources.get(asGuid(s.rowKey))?.name ?? s.rowKey);
    const column = code
      ? code.name
      : s.columnKind === 'memo'
        ? s.columnKey
          ? `memo on section ${s.columnKey}`
          : 'group summary'
        : s.columnKey
          ? `section ${s.columnKey}`
          : 'group';
    project.notes.push({
      guid,
      name: `Summary: ${row} × ${column}`,
      description: '',
      plainTextPath: null,
      plainTextContent: s.body,
      creatingUser: coders.get(s.coder) ?? null,
      creationDateTime: null,
      modifyingUser: null,
      modifiedDateTime: s.updatedAt,
    });
    code?.noteRefs.push(guid);
    if (s.rowKind === 'document') sources.get(asGuid(s.rowKey))?.noteRefs.push(guid);
    else if (s.rowKind === 'case')
      project.links.push({ guid: deriveGuid('fieldcode', 'summary link', s.id), name: 'Summary', originGUID: guid, targetGUID: asGuid(s.rowKey) });
    else project.noteRefs.push(guid);
  }
  return summaries.length;
}
