import { asGuid, companionGuid, deriveGuid } from '../formats/refi/guid';
import type { RefiCode, RefiNote, RefiProject, RefiSelection, RefiTextSource, RefiValue } from '../formats/refi/model';
import { refiColour } from '../formats/refi/names';
import { toCodePoints } from '../formats/refi/positions';
import type { Memo } from '../../shared/types';
import { packDescription } from './description';
import type { ProjectSnapshot, SnapshotSegment } from './snapshot';

// A project snapshot as the REFI-QDA model: coders → Users, codes → CodeBook
// (structured entry packed into Description), attributes → Variables, cases →
// Cases with SourceRefs, documents → TextSources with their text as internal .txt,
// segments → PlainTextSelection + Coding (positions in code points; the memo is
// the selection's Description), memos → Notes referenced from what they are about.

export const ORIGIN = 'Fieldcode 0.1.0';
/** Documents carry their kind as a value of this variable (REFI variables apply to sources too). */
export const KIND_VARIABLE = { guid: deriveGuid('fieldcode', 'variable', 'document kind'), name: 'Document kind' };

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const when = (s: string | null | undefined) => (s && ISO.test(s) ? s : null);

const SPACE = /\s/;

/** A selection's name as other tools show it: the start of the quotation, 60 characters at most, spaces folded. */
function quoteName(text: string, start: number, end: number): string {
  let out = '';
  let points = 0;
  let space = false;
  let i = start;
  for (; i < end && points < 60; i++) {
    const c = text[i];
    if (SPACE.test(c)) {
      space = out !== '';
      continue;
    }
    if (space) {
      out += ' ';
      points++;
      space = false;
    }
    out += c;
    const code = c.charCodeAt(0);
    if (code < 0xd800 || code > 0xdbff) points++;
  }
  // Never end on half of a surrogate pair.
  if (i < end && /[\ud800-\udbff]$/.test(out)) out += text[i++];
  return i < end && /\S/.test(text.slice(i, Math.min(end, i + 200))) ? `${out}…` : out;
}

function byKey<T>(items: T[], key: (t: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export interface RefiExport {
  project: RefiProject;
  /** zip path → text of each internal source */
  sources: Map<string, string>;
  segments: number;
}

/** How positions are counted: code points by the standard, UTF-16 units for a tool that counts those (QualCoder). */
export type PositionUnit = 'codepoint' | 'utf16';

export function toRefi(s: ProjectSnapshot, unit: PositionUnit = 'codepoint'): RefiExport {
  const memosFor = (target: Memo['target']) =>
    byKey(
      s.memos.filter((m) => m.target === target),
      (m) => m.targetId,
    );
  const codeMemos = memosFor('code');
  const docMemos = memosFor('document');
  const segMemos = memosFor('segment');
  const noteRefs = (map: Map<string, Memo[]>, id: string) => (map.get(id) ?? []).map((m) => asGuid(m.id));

  const codeNodes = new Map<string, RefiCode>();
  const codes: RefiCode[] = [];
  for (const c of s.codes) {
    const node: RefiCode = {
      guid: asGuid(c.id),
      name: c.name,
      color: refiColour(c.colour) || null,
      isCodable: true,
      description: packDescription({ definition: c.definition, whenToUse: c.whenToUse, whenNotToUse: c.whenNotToUse, anchors: c.anchors }),
      noteRefs: noteRefs(codeMemos, c.id),
      children: [],
    };
    codeNodes.set(c.id, node);
    const parent = c.parentId ? codeNodes.get(c.parentId) : undefined;
    (parent ? parent.children : codes).push(node);
  }

  const docsByCase = byKey(s.documents, (d) => d.caseId);
  const segsByDoc = byKey(s.segments, (g) => g.documentId);
  const sourceFiles = new Map<string, string>();
  const sources: RefiTextSource[] = s.documents.map((d) => {
    const guid = asGuid(d.id);
    sourceFiles.set(`sources/${guid}.txt`, d.text);
    return {
      guid,
      name: d.name,
      description: '',
      plainTextPath: `internal://${guid}.txt`,
      plainTextContent: null,
      selections: selections(d.text, segsByDoc.get(d.id) ?? [], segMemos, unit),
      codings: [],
      noteRefs: noteRefs(docMemos, d.id),
      values: [{ variable: KIND_VARIABLE.guid, type: 'Text', value: d.kind }],
      creatingUser: asGuid(d.coderId),
      creationDateTime: when(d.importedAt),
      modifyingUser: null,
      modifiedDateTime: when(d.updatedAt),
    };
  });

  const notes: RefiNote[] = s.memos.map((m) => ({
    guid: asGuid(m.id),
    name: m.title,
    description: '',
    plainTextPath: null,
    plainTextContent: m.body,
    creatingUser: asGuid(m.coderId),
    creationDateTime: null,
    modifyingUser: null,
    modifiedDateTime: when(m.updatedAt),
  }));
  // A case has no NoteRef in the schema: its memos are linked to it instead.
  const links = s.memos
    .filter((m) => m.target === 'case' && m.targetId)
    .map((m) => ({ guid: deriveGuid('fieldcode', 'memo link', m.id), name: 'Memo', originGUID: asGuid(m.id), targetGUID: asGuid(m.targetId!) }));

  const project: RefiProject = {
    name: s.project.name,
    origin: ORIGIN,
    creatingUserGUID: asGuid(s.project.coderId),
    creationDateTime: when(s.project.createdAt),
    modifyingUserGUID: asGuid(s.project.coderId),
    modifiedDateTime: when(s.project.updatedAt),
    description: '',
    users: s.coders.map((c) => ({ guid: asGuid(c.id), name: c.name })),
    codes,
    variables: [
      ...s.attributes.map((a) => ({ guid: asGuid(a.id), name: a.name, type: 'Text' as const, description: '' })),
      ...(s.documents.length
        ? [{ ...KIND_VARIABLE, type: 'Text' as const, description: 'Fieldcode document kind (interview, focus group, student workshop, observation, other)' }]
        : []),
    ],
    cases: s.cases.map((c) => ({
      guid: asGuid(c.id),
      name: c.name,
      description: '',
      values: Object.entries(c.values).map(([attr, value]): RefiValue => ({ variable: asGuid(attr), type: 'Text', value })),
      sourceRefs: (docsByCase.get(c.id) ?? []).map((d) => asGuid(d.id)),
    })),
    sources,
    notes,
    links,
    noteRefs: s.memos.filter((m) => m.target === 'project').map((m) => asGuid(m.id)),
    unread: {},
  };
  return { project, sources: sourceFiles, segments: s.segments.length };
}

function selections(text: string, segments: SnapshotSegment[], segMemos: Map<string, Memo[]>, unit: PositionUnit): RefiSelection[] {
  const offsets = segments.flatMap((g) => [g.start, g.end]);
  const points = unit === 'utf16' ? offsets : toCodePoints(text, offsets);
  return segments.map((g, i) => {
    const coder = asGuid(g.coderId);
    return {
      guid: asGuid(g.id),
      name: quoteName(text, g.start, g.end),
      start: points[2 * i],
      end: points[2 * i + 1],
      description: g.memo,
      codings: [{ guid: companionGuid(asGuid(g.id)), codeRef: asGuid(g.codeId), creatingUser: coder, creationDateTime: when(g.createdAt), noteRefs: [] }],
      noteRefs: (segMemos.get(g.id) ?? []).map((m) => asGuid(m.id)),
      creatingUser: coder,
      creationDateTime: when(g.createdAt),
      modifyingUser: null,
      modifiedDateTime: when(g.updatedAt),
    };
  });
}
