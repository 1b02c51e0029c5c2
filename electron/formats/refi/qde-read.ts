import { RefiError } from './errors';
import { readGuid } from './guid';
import {
  VARIABLE_TYPES,
  type RefiCode,
  type RefiCodebook,
  type RefiCoding,
  type RefiProject,
  type RefiSelection,
  type RefiTextSource,
  type RefiValue,
  type Stamp,
  type VariableType,
} from './model';
import { kid, kids, type XmlNode } from './xml-read';

// The XML tree of a project.qde or .qdc as the REFI model. Lenient where other
// tools are (missing optional attributes, GUIDs in braces or upper case, a
// mistyped namespace); what the model leaves out is counted for the report.

const SOURCE_KINDS = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'];

function date(raw: string | undefined): string | null {
  if (!raw) return null;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function stamp(n: XmlNode): Stamp {
  return {
    creatingUser: readGuid(n.attrs.creatingUser) || null,
    creationDateTime: date(n.attrs.creationDateTime),
    modifyingUser: readGuid(n.attrs.modifyingUser) || null,
    modifiedDateTime: date(n.attrs.modifiedDateTime),
  };
}

const description = (n: XmlNode) => kid(n, 'Description')?.text ?? '';
const refs = (n: XmlNode, name: string) =>
  kids(n, name)
    .map((r) => readGuid(r.attrs.targetGUID))
    .filter(Boolean);

function position(raw: string | undefined): number {
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isInteger(n) ? n : NaN;
}

function code(n: XmlNode, memberNotes: boolean): RefiCode {
  return {
    guid: readGuid(n.attrs.guid),
    name: n.attrs.name ?? '',
    color: n.attrs.color?.trim() || null,
    isCodable: n.attrs.isCodable?.trim() !== 'false' && n.attrs.isCodable?.trim() !== '0',
    description: description(n),
    noteRefs: memberNotes ? refs(n, 'NoteRef') : [],
    children: kids(n, 'Code').map((c) => code(c, memberNotes)),
  };
}

function values(n: XmlNode): RefiValue[] {
  return kids(n, 'VariableValue').flatMap((v) => {
    const variable = readGuid(kid(v, 'VariableRef')?.attrs.targetGUID);
    const typed = VARIABLE_TYPES.map((t) => [t, kid(v, `${t}Value`)] as const).find(([, el]) => el);
    return variable && typed ? [{ variable, type: typed[0], value: typed[1]!.text.trim() }] : [];
  });
}

function coding(n: XmlNode): RefiCoding {
  return {
    guid: readGuid(n.attrs.guid),
    codeRef: readGuid(kid(n, 'CodeRef')?.attrs.targetGUID),
    creatingUser: readGuid(n.attrs.creatingUser) || null,
    creationDateTime: date(n.attrs.creationDateTime),
    noteRefs: refs(n, 'NoteRef'),
  };
}

function selection(n: XmlNode): RefiSelection {
  return {
    guid: readGuid(n.attrs.guid),
    name: n.attrs.name ?? '',
    start: position(n.attrs.startPosition),
    end: position(n.attrs.endPosition),
    description: description(n),
    codings: kids(n, 'Coding').map(coding),
    noteRefs: refs(n, 'NoteRef'),
    ...stamp(n),
  };
}

/** What a text source and a note share: identity, name, and the text (in a file or inline). */
function textHolder(n: XmlNode) {
  const content = kid(n, 'PlainTextContent');
  return {
    guid: readGuid(n.attrs.guid),
    name: n.attrs.name ?? '',
    description: description(n),
    plainTextPath: n.attrs.plainTextPath?.trim() || null,
    plainTextContent: content ? content.text : null,
  };
}

function textSource(n: XmlNode): RefiTextSource {
  return {
    ...textHolder(n),
    selections: kids(n, 'PlainTextSelection').map(selection),
    codings: kids(n, 'Coding').map(coding),
    noteRefs: refs(n, 'NoteRef'),
    values: values(n),
    ...stamp(n),
  };
}

function count(unread: Record<string, number>, name: string, n: number): void {
  if (n > 0) unread[name] = (unread[name] ?? 0) + n;
}

export function readProject(file: string, root: XmlNode): RefiProject {
  if (root.name !== 'Project') throw new RefiError(file, `not a REFI-QDA project (project.qde starts with <${root.name}>, not <Project>)`);
  const unread: Record<string, number> = {};
  const sources = kid(root, 'Sources');
  for (const kind of SOURCE_KINDS) count(unread, kind, kids(sources, kind).length);
  count(unread, 'Set', kids(kid(root, 'Sets'), 'Set').length);
  count(unread, 'Graph', kids(kid(root, 'Graphs'), 'Graph').length);
  const a = root.attrs;
  return {
    name: a.name ?? '',
    origin: a.origin ?? '',
    creatingUserGUID: readGuid(a.creatingUserGUID) || null,
    creationDateTime: date(a.creationDateTime),
    modifyingUserGUID: readGuid(a.modifyingUserGUID) || null,
    modifiedDateTime: date(a.modifiedDateTime),
    description: description(root),
    users: kids(kid(root, 'Users'), 'User').map((u) => ({ guid: readGuid(u.attrs.guid), name: u.attrs.name ?? u.attrs.id ?? '' })),
    codes: kids(kid(kid(root, 'CodeBook'), 'Codes'), 'Code').map((c) => code(c, true)),
    variables: kids(kid(root, 'Variables'), 'Variable').map((v) => ({
      guid: readGuid(v.attrs.guid),
      name: v.attrs.name ?? '',
      type: (VARIABLE_TYPES as readonly string[]).includes(v.attrs.typeOfVariable) ? (v.attrs.typeOfVariable as VariableType) : 'Text',
      description: description(v),
    })),
    cases: kids(kid(root, 'Cases'), 'Case').map((c) => ({
      guid: readGuid(c.attrs.guid),
      name: c.attrs.name ?? '',
      description: description(c),
      values: values(c),
      sourceRefs: refs(c, 'SourceRef'),
    })),
    sources: kids(sources, 'TextSource').map(textSource),
    notes: kids(kid(root, 'Notes'), 'Note').map((n) => ({ ...textHolder(n), ...stamp(n), anchored: kids(n, 'PlainTextSelection').length > 0 })),
    links: kids(kid(root, 'Links'), 'Link').map((l) => ({
      guid: readGuid(l.attrs.guid),
      name: l.attrs.name ?? '',
      originGUID: readGuid(l.attrs.originGUID),
      targetGUID: readGuid(l.attrs.targetGUID),
    })),
    noteRefs: refs(root, 'NoteRef'),
    unread,
  };
}

/** A .qdc codebook, or the codebook inside a project.qde. */
export function readCodebook(file: string, root: XmlNode): RefiCodebook {
  const book = root.name === 'CodeBook' ? root : root.name === 'Project' ? kid(root, 'CodeBook') : undefined;
  if (root.name !== 'CodeBook' && root.name !== 'Project') throw new RefiError(file, `not a REFI-QDA codebook (it starts with <${root.name}>, not <CodeBook>)`);
  const unread: Record<string, number> = {};
  count(unread, 'Set', kids(kid(book, 'Sets'), 'Set').length);
  return { origin: root.attrs.origin ?? '', codes: kids(kid(book, 'Codes'), 'Code').map((c) => code(c, false)), unread };
}
