import type { Memo, MemoTarget } from '../../shared/types';
import { RefiError } from '../formats/refi/errors';
import { flattenCodes, type RefiProject, type RefiSelection } from '../formats/refi/model';
import { refiColour } from '../formats/refi/names';
import { dialectFor, fromPositions, isQualCoder, STANDARD } from '../formats/refi/positions';
import type { OpenedQdpx } from '../formats/refi/qdpx';
import { unpackDescription } from './description';
import { KIND_VARIABLE } from './export';
import { caseCodeGuids, conventionText, descriptionMemos, restoredNames, type DescribedMemo } from './foreign';
import { splitMemos } from './memo-sections';
import type { ProjectSnapshot, SnapshotCode, SnapshotDocument, SnapshotSegment } from './snapshot';

// The REFI-QDA model read from another tool's file (or our own) as a project
// snapshot for refi-write.ts. Positions are mapped from the tool's counting
// (positions.ts) onto the LF-only UTF-16 text Fieldcode keeps. What cannot be
// kept is listed in `skipped`, in words, rather than dropped silently.

const SKIPPED_NAMES: Record<string, string> = {
  PictureSource: 'picture source(s)',
  PDFSource: 'PDF source(s)',
  AudioSource: 'audio source(s)',
  VideoSource: 'video source(s)',
  Set: 'set(s)',
  Graph: 'graph(s)',
};

export interface ReadRefi {
  snapshot: ProjectSnapshot;
  /** how the file was read where tools differ, in words */
  converted: string[];
  renamed: string[];
  skipped: string[];
}

/** More than any real project holds; a file beyond these is refused before any work. */
export const REFI_LIMITS = {
  codes: 100_000,
  sources: 50_000,
  selections: 2_000_000,
  cases: 100_000,
  variables: 10_000,
  notes: 500_000,
  links: 1_000_000,
  users: 10_000,
} as const;

function checkCounts(file: string, r: RefiProject): void {
  const counts: Record<keyof typeof REFI_LIMITS, number> = {
    codes: flattenCodes(r.codes).length,
    sources: r.sources.length,
    selections: r.sources.reduce((n, s) => n + s.selections.length + s.codings.length, 0),
    cases: r.cases.length,
    variables: r.variables.length,
    notes: r.notes.length,
    links: r.links.length,
    users: r.users.length,
  };
  for (const [what, limit] of Object.entries(REFI_LIMITS) as [keyof typeof REFI_LIMITS, number][]) {
    if (counts[what] > limit)
      throw new RefiError(file, `holds ${counts[what].toLocaleString('en')} ${what}; Fieldcode imports at most ${limit.toLocaleString('en')}`);
  }
}

export function fromRefi(file: string, q: OpenedQdpx, newId: () => string): ReadRefi {
  const r: RefiProject = q.project;
  checkCounts(file, r);
  const skipped: string[] = [];
  const converted: string[] = [];
  const renamed: string[] = [];
  const tally = new Map<string, number>();
  const skip = (what: string, n = 1) => tally.set(what, (tally.get(what) ?? 0) + n);
  const convert = new Map<string, number>();
  const note = (what: string, n = 1) => convert.set(what, (convert.get(what) ?? 0) + n);
  const ours = /^fieldcode\b/i.test(r.origin);
  // Only a QualCoder export (or ours for QualCoder) carries memos as "Memo:" paragraphs in descriptions.
  const qualcoder = isQualCoder(r.origin);
  const dialect = dialectFor(r.origin);
  if (!ours || dialect !== STANDARD) converted.push(conventionText(r.origin, dialect));
  const id = (guid: string) => guid || newId();

  const coders = r.users.filter((u) => u.guid).map((u) => ({ id: u.guid, name: u.name }));
  const codes: SnapshotCode[] = [];
  const codeMemos: DescribedMemo[] = [];
  const paths = new Map<string, string>();
  const caseCodes = caseCodeGuids(r);
  const restored = restoredNames(r);
  flattenCodes(r.codes).forEach(({ code: c, parent }, sort) => {
    if (caseCodes.has(c.guid)) return;
    const codeId = (c.guid ||= newId());
    const { text, memos } = qualcoder ? splitMemos(c.description) : { text: c.description, memos: [] };
    const d = unpackDescription(text);
    const name = restored.get(c) ?? c.name;
    if (name !== c.name) renamed.push(`code "${c.name}" → "${name}" (the branch added for QualCoder's unique names removed)`);
    const path = parent ? `${paths.get(parent.guid)}/${name}` : name;
    paths.set(codeId, path);
    codes.push({ id: codeId, parentId: parent?.guid ?? null, name, path, colour: refiColour(c.color), sort, ...d });
    for (const m of memos) codeMemos.push({ target: 'code', targetId: codeId, title: m.title, body: m.body, coderId: '', updatedAt: '' });
  });
  note('memo(s) written in code descriptions kept as code memos', codeMemos.length);

  // Variables on sources are not case attributes; the one named "Document kind" carries the kind.
  const onCases = new Set(r.cases.flatMap((c) => c.values.map((v) => v.variable)));
  const onSources = new Set(r.sources.flatMap((s) => s.values.map((v) => v.variable)));
  const kindVariables = new Set(
    r.variables.filter((v) => onSources.has(v.guid) && (v.guid === KIND_VARIABLE.guid || /^document kind$/i.test(v.name.trim()))).map((v) => v.guid),
  );
  const attributes = r.variables.filter((v) => v.guid && !(onSources.has(v.guid) && !onCases.has(v.guid))).map((v) => ({ id: v.guid, name: v.name }));
  const cases = r.cases.map((c) => ({ id: id(c.guid), name: c.name, values: Object.fromEntries(c.values.map((v) => [v.variable, v.value])) }));
  const caseOf = new Map<string, string>();
  for (const c of r.cases) for (const ref of c.sourceRefs) if (!caseOf.has(ref)) caseOf.set(ref, c.guid);
  const described: DescribedMemo[] = descriptionMemos(r.description, 'project', null, 'Project memo', qualcoder, r.creatingUserGUID ?? '');
  note('project description(s) kept as a project memo', described.length);
  for (const c of r.cases) {
    const memos = descriptionMemos(c.description, 'case', c.guid, 'Case memo', qualcoder, '');
    note('case description(s) kept as case memos', memos.length);
    described.push(...memos);
  }
  described.push(...codeMemos);

  const documents: SnapshotDocument[] = [];
  const segments: SnapshotSegment[] = [];
  const memoTarget = new Map<string, { target: MemoTarget; targetId: string | null }>();
  const about = (refs: string[], target: MemoTarget, targetId: string | null) => {
    for (const ref of refs) if (!memoTarget.has(ref)) memoTarget.set(ref, { target, targetId });
  };
  about(r.noteRefs, 'project', null);
  for (const { code } of flattenCodes(r.codes)) about(code.noteRefs, 'code', code.guid);

  const docById = new Map<string, SnapshotDocument>();
  const linkCase = (docId: string, caseGuid: string) => {
    const d = docById.get(docId);
    if (d && !d.caseId) d.caseId = caseGuid;
    note("case link(s) written as a coding with a code that has the case's GUID (QualCoder's and NVivo's form) read as the document's case");
  };
  for (const s of r.sources) {
    const raw = sourceText(file, q, s.plainTextContent, s.plainTextPath, s.name, skip, note);
    if (raw === null) {
      skip('coding(s) of those sources', s.selections.reduce((n, sel) => n + sel.codings.length, 0) + s.codings.length);
      continue;
    }
    const docId = id(s.guid);
    const mapped = fromPositions(
      raw,
      s.selections.flatMap((sel) => [sel.start, sel.end]),
      dialect,
    );
    note(
      'selection boundary(ies) that fell inside a character (between the two UTF-16 units of an emoji or other character beyond U+FFFF) moved to its end',
      mapped.splitPairs,
    );
    const memos = descriptionMemos(s.description, 'document', docId, 'Document memo', qualcoder, s.creatingUser ?? '');
    note('source description(s) kept as document memos', memos.length);
    described.push(...memos);
    const kind = s.values.find((v) => kindVariables.has(v.variable))?.value ?? '';
    skip(
      'value(s) of variables on sources (Fieldcode keeps case attributes and the document kind)',
      s.values.filter((v) => !kindVariables.has(v.variable)).length,
    );
    const name = ours ? s.name : s.name.replace(/\.(txt|docx?|rtf|odt|pdf|md|vtt|srt)$/i, '');
    const doc: SnapshotDocument = {
      id: docId,
      name,
      kind,
      caseId: caseOf.get(s.guid) ?? null,
      text: mapped.text,
      coderId: s.creatingUser ?? '',
      importedAt: s.creationDateTime ?? '',
      updatedAt: s.modifiedDateTime ?? '',
    };
    documents.push(doc);
    docById.set(docId, doc);
    about(s.noteRefs, 'document', docId);
    s.selections.forEach((sel: RefiSelection, i) => {
      const codings = sel.codings.filter((c) => !caseCodes.has(c.codeRef));
      for (const c of sel.codings) if (caseCodes.has(c.codeRef)) linkCase(docId, c.codeRef);
      if (sel.codings.length === 0) skip('selection(s) without a code (Fieldcode keeps coded passages)');
      const { text: memo, memos: selMemos } = qualcoder ? splitMemos(sel.description) : { text: sel.description, memos: [] };
      codings.forEach((c, j) => {
        const segId = j === 0 && sel.guid ? sel.guid : id(c.guid);
        const start = mapped.offsets[2 * i];
        const end = mapped.offsets[2 * i + 1];
        segments.push({
          id: segId,
          documentId: docId,
          codeId: c.codeRef,
          coderId: c.creatingUser ?? sel.creatingUser ?? '',
          start,
          end,
          memo,
          createdAt: c.creationDateTime ?? sel.creationDateTime ?? '',
          updatedAt: sel.modifiedDateTime ?? '',
        });
        if (j === 0) for (const m of selMemos) described.push({ target: 'segment', targetId: segId, title: m.title, body: m.body, coderId: '', updatedAt: '' });
        about(c.noteRefs, 'segment', segId);
        if (j === 0) about(sel.noteRefs, 'segment', segId);
      });
      if (sel.codings.length === 0) about(sel.noteRefs, 'document', docId);
    });
    for (const c of s.codings) {
      if (caseCodes.has(c.codeRef)) {
        linkCase(docId, c.codeRef);
        continue;
      }
      const segId = id(c.guid);
      segments.push({
        id: segId,
        documentId: docId,
        codeId: c.codeRef,
        coderId: c.creatingUser ?? '',
        start: 0,
        end: mapped.text.length,
        memo: '',
        createdAt: c.creationDateTime ?? '',
        updatedAt: '',
      });
      about(c.noteRefs, 'segment', segId);
    }
  }

  const targets: Record<Exclude<MemoTarget, 'project'>, Set<string>> = {
    document: new Set(documents.map((d) => d.id)),
    code: new Set(codes.map((c) => c.id)),
    segment: new Set(segments.map((g) => g.id)),
    case: new Set(cases.map((c) => c.id)),
  };
  let otherLinks = 0;
  const noteIds = new Set(r.notes.map((n) => n.guid));
  for (const l of r.links) {
    const target = (Object.keys(targets) as (keyof typeof targets)[]).find((t) => targets[t].has(l.targetGUID));
    if (target && noteIds.has(l.originGUID)) about([l.originGUID], target, l.targetGUID);
    else otherLinks++;
  }
  skip('link(s) other than memo links', otherLinks);

  const memos: Memo[] = r.notes.map((n) => {
    const content = n.plainTextContent ?? (n.plainTextPath ? noteText(q, n.plainTextPath, skip) : '');
    // Our own memos come back exactly (a CR travels as &#13;); other tools' line endings become LF.
    const body = ours ? content : [n.description.trim(), content].filter(Boolean).join('\n\n').replace(/\r\n?/g, '\n');
    const where = memoTarget.get(n.guid) ?? { target: 'project' as const, targetId: null };
    if (n.anchored)
      note(
        'note(s) tied to a passage (annotations) kept as memos, on their document where the file names it, without the passage (Fieldcode memos are not anchored)',
      );
    const title = n.name || (ours ? '' : n.anchored ? 'Annotation' : 'Note');
    return { id: id(n.guid), ...where, title, body, coderId: n.creatingUser ?? '', updatedAt: n.modifiedDateTime ?? n.creationDateTime ?? '' };
  });
  for (const m of described) memos.push({ id: newId(), ...m });

  for (const [kind, n] of Object.entries(r.unread)) skip(SKIPPED_NAMES[kind] ?? `${kind} element(s)`, n);
  for (const [what, n] of tally) if (n > 0) skipped.push(`${n} ${what}`);
  for (const [what, n] of convert) if (n > 0) converted.push(`${n} ${what}`);
  const fallbackName = file.replace(/\.(qdpx|qde)$/i, '');
  const snapshot: ProjectSnapshot = {
    project: {
      id: newId(),
      name: r.name || fallbackName,
      createdAt: r.creationDateTime ?? '',
      updatedAt: r.modifiedDateTime ?? '',
      coderId: r.modifyingUserGUID ?? r.creatingUserGUID ?? coders[0]?.id ?? '',
    },
    coders,
    codes,
    attributes,
    cases,
    documents,
    segments,
    memos,
  };
  return { snapshot, converted, renamed, skipped };
}

/** The raw text of a source, or null (with the reason tallied) when the file does not hold it. */
function sourceText(
  file: string,
  q: OpenedQdpx,
  content: string | null,
  path: string | null,
  name: string,
  skip: (what: string) => void,
  note: (what: string) => void,
): string | null {
  if (content !== null) return content;
  if (!path) {
    skip('text source(s) with no plain text');
    return null;
  }
  const t = q.text(path);
  if ('text' in t) {
    // Positions count from after the mark (QualCoder writes one; its positions never count it).
    if (t.bom) note('source text(s) with a byte-order mark, removed (positions counted from the text after it)');
    return t.text;
  }
  if (t.missing === 'external') skip('text source(s) stored outside the file (relative:// or absolute:// paths)');
  else if (q.bare) skip('text source(s) whose text is not in a bare project.qde (import the .qdpx to get them)');
  else throw new RefiError(file, `the text of source "${name}" (${path}) is missing from the file`);
  return null;
}

function noteText(q: OpenedQdpx, path: string, skip: (what: string) => void): string {
  const t = q.text(path);
  if ('text' in t) return t.text;
  skip('note text(s) not found in the file');
  return '';
}
