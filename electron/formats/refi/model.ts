// The part of the REFI-QDA 1.0 project model (QDA-XML, urn:QDA-XML:project:1.0)
// that Fieldcode writes and reads. Names follow the XML elements and attributes.
// GUIDs as read are normalised (no braces, lower case); dates are ISO strings or null.

export const VARIABLE_TYPES = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export interface Stamp {
  creatingUser: string | null;
  creationDateTime: string | null;
  modifyingUser: string | null;
  modifiedDateTime: string | null;
}

export interface RefiUser {
  guid: string;
  name: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  /** #RRGGBB or #RGB */
  color: string | null;
  isCodable: boolean;
  description: string;
  noteRefs: string[];
  children: RefiCode[];
}

export interface RefiVariable {
  guid: string;
  name: string;
  type: VariableType;
  description: string;
}

export interface RefiValue {
  variable: string;
  type: VariableType;
  value: string;
}

export interface RefiCase {
  guid: string;
  name: string;
  description: string;
  values: RefiValue[];
  sourceRefs: string[];
}

export interface RefiCoding {
  guid: string;
  codeRef: string;
  creatingUser: string | null;
  creationDateTime: string | null;
  noteRefs: string[];
}

export interface RefiSelection extends Stamp {
  guid: string;
  name: string;
  /** as written in the file: code points by the standard, other units by some tools */
  start: number;
  end: number;
  description: string;
  codings: RefiCoding[];
  noteRefs: string[];
}

export interface RefiTextSource extends Stamp {
  guid: string;
  name: string;
  description: string;
  /** internal://<guid>.txt, or a bare file name, or relative:// / absolute:// */
  plainTextPath: string | null;
  plainTextContent: string | null;
  selections: RefiSelection[];
  /** codings of the whole source */
  codings: RefiCoding[];
  noteRefs: string[];
  values: RefiValue[];
}

export interface RefiNote extends Stamp {
  guid: string;
  name: string;
  description: string;
  plainTextPath: string | null;
  plainTextContent: string | null;
  /** the note is tied to a passage by its own PlainTextSelection (QualCoder's annotations); read, not written */
  anchored?: boolean;
}

export interface RefiLink {
  guid: string;
  name: string;
  originGUID: string;
  targetGUID: string;
}

export interface RefiProject {
  name: string;
  origin: string;
  creatingUserGUID: string | null;
  creationDateTime: string | null;
  modifyingUserGUID: string | null;
  modifiedDateTime: string | null;
  description: string;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiTextSource[];
  notes: RefiNote[];
  links: RefiLink[];
  noteRefs: string[];
  /** what the file held that this model leaves out, by element name (PictureSource, Set, Graph …) */
  unread: Record<string, number>;
}

export interface RefiCodebook {
  origin: string;
  codes: RefiCode[];
  /** Sets and anything else left out, by element name */
  unread: Record<string, number>;
}

/** Every code of a tree with its parent, parents first. */
export function flattenCodes(codes: RefiCode[], parent: RefiCode | null = null, out: { code: RefiCode; parent: RefiCode | null }[] = []) {
  for (const c of codes) {
    out.push({ code: c, parent });
    flattenCodes(c.children, c, out);
  }
  return out;
}
