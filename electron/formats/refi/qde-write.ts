import type { RefiCode, RefiCodebook, RefiCoding, RefiProject, RefiTextSource, RefiValue, Stamp } from './model';
import { attrs, escapeAttr, escapeText, XmlWriter, type Attrs } from './xml-write';

// project.qde and .qdc as the REFI-QDA 1.0 schemas order them. Empty containers
// (<Codes/>, <Sets/>) are invalid by the schema, so they are left out, not emptied.

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function stamp(s: Stamp): Attrs {
  return [
    ['creatingUser', s.creatingUser],
    ['creationDateTime', s.creationDateTime],
    ['modifyingUser', s.modifyingUser],
    ['modifiedDateTime', s.modifiedDateTime],
  ];
}

function refs(w: XmlWriter, name: string, guids: string[]): void {
  for (const g of guids) w.empty(name, [['targetGUID', g]]);
}

function codes(w: XmlWriter, list: RefiCode[], withNotes: boolean): void {
  for (const c of list) {
    const inner = !!c.description || c.children.length > 0 || (withNotes && c.noteRefs.length > 0);
    w.element(
      'Code',
      [
        ['guid', c.guid],
        ['name', c.name],
        ['isCodable', c.isCodable],
        ['color', c.color],
      ],
      inner,
    );
    w.text('Description', c.description);
    if (withNotes) refs(w, 'NoteRef', c.noteRefs);
    codes(w, c.children, withNotes);
    w.end('Code', inner);
  }
}

function values(w: XmlWriter, list: RefiValue[]): void {
  for (const v of list) {
    w.open('VariableValue');
    w.empty('VariableRef', [['targetGUID', v.variable]]);
    w.text(`${v.type}Value`, v.value);
    w.close('VariableValue');
  }
}

function coding(w: XmlWriter, c: RefiCoding): void {
  w.open('Coding', [
    ['guid', c.guid],
    ['creatingUser', c.creatingUser],
    ['creationDateTime', c.creationDateTime],
  ]);
  w.empty('CodeRef', [['targetGUID', c.codeRef]]);
  refs(w, 'NoteRef', c.noteRefs);
  w.close('Coding');
}

function source(w: XmlWriter, s: RefiTextSource): void {
  const inner = !!s.description || !!s.plainTextContent || s.selections.length + s.codings.length + s.noteRefs.length + s.values.length > 0;
  w.element('TextSource', [['guid', s.guid], ['name', s.name], ['plainTextPath', s.plainTextPath], ...stamp(s)], inner);
  w.text('Description', s.description);
  w.text('PlainTextContent', s.plainTextContent);
  // The hot path of a big export: each selection is built as one string.
  const i1 = w.indent();
  const i2 = w.indent(1);
  const i3 = w.indent(2);
  for (const sel of s.selections) {
    let out = `${i1}<PlainTextSelection${attrs([['guid', sel.guid], ['name', sel.name], ['startPosition', sel.start], ['endPosition', sel.end], ...stamp(sel)])}>\n`;
    if (sel.description) out += `${i2}<Description>${escapeText(sel.description)}</Description>\n`;
    for (const c of sel.codings) {
      out += `${i2}<Coding${attrs([
        ['guid', c.guid],
        ['creatingUser', c.creatingUser],
        ['creationDateTime', c.creationDateTime],
      ])}>\n${i3}<CodeRef targetGUID="${escapeAttr(c.codeRef)}"/>\n`;
      for (const n of c.noteRefs) out += `${i3}<NoteRef targetGUID="${escapeAttr(n)}"/>\n`;
      out += `${i2}</Coding>\n`;
    }
    for (const n of sel.noteRefs) out += `${i2}<NoteRef targetGUID="${escapeAttr(n)}"/>\n`;
    w.raw(`${out}${i1}</PlainTextSelection>\n`);
  }
  for (const c of s.codings) coding(w, c);
  refs(w, 'NoteRef', s.noteRefs);
  values(w, s.values);
  w.end('TextSource', inner);
}

export function projectXml(p: RefiProject): string {
  const w = new XmlWriter();
  w.open('Project', [
    ['xmlns', PROJECT_NS],
    ['xmlns:xsi', XSI],
    ['xsi:schemaLocation', `${PROJECT_NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`],
    ['name', p.name || 'Project'],
    ['origin', p.origin],
    ['creatingUserGUID', p.creatingUserGUID],
    ['creationDateTime', p.creationDateTime],
    ['modifyingUserGUID', p.modifyingUserGUID],
    ['modifiedDateTime', p.modifiedDateTime],
  ]);
  if (p.users.length) {
    w.open('Users');
    for (const u of p.users)
      w.empty('User', [
        ['guid', u.guid],
        ['name', u.name],
      ]);
    w.close('Users');
  }
  if (p.codes.length) {
    w.open('CodeBook').open('Codes');
    codes(w, p.codes, true);
    w.close('Codes').close('CodeBook');
  }
  if (p.variables.length) {
    w.open('Variables');
    for (const v of p.variables) {
      w.element(
        'Variable',
        [
          ['guid', v.guid],
          ['name', v.name],
          ['typeOfVariable', v.type],
        ],
        !!v.description,
      );
      w.text('Description', v.description);
      w.end('Variable', !!v.description);
    }
    w.close('Variables');
  }
  if (p.cases.length) {
    w.open('Cases');
    for (const c of p.cases) {
      const inner = !!c.description || c.values.length + c.sourceRefs.length > 0;
      w.element(
        'Case',
        [
          ['guid', c.guid],
          ['name', c.name],
        ],
        inner,
      );
      w.text('Description', c.description);
      values(w, c.values);
      refs(w, 'SourceRef', c.sourceRefs);
      w.end('Case', inner);
    }
    w.close('Cases');
  }
  if (p.sources.length) {
    w.open('Sources');
    for (const s of p.sources) source(w, s);
    w.close('Sources');
  }
  if (p.notes.length) {
    w.open('Notes');
    for (const n of p.notes) {
      const inner = !!n.description || !!n.plainTextContent;
      w.element('Note', [['guid', n.guid], ['name', n.name], ['plainTextPath', n.plainTextPath], ...stamp(n)], inner);
      w.text('Description', n.description);
      w.text('PlainTextContent', n.plainTextContent);
      w.end('Note', inner);
    }
    w.close('Notes');
  }
  if (p.links.length) {
    w.open('Links');
    for (const l of p.links)
      w.empty('Link', [
        ['guid', l.guid],
        ['name', l.name],
        ['direction', 'OneWay'],
        ['originGUID', l.originGUID],
        ['targetGUID', l.targetGUID],
      ]);
    w.close('Links');
  }
  w.text('Description', p.description);
  refs(w, 'NoteRef', p.noteRefs);
  w.close('Project');
  return w.toString();
}

export function codebookXml(c: RefiCodebook): string {
  const w = new XmlWriter();
  w.open('CodeBook', [
    ['xmlns', CODEBOOK_NS],
    ['xmlns:xsi', XSI],
    ['xsi:schemaLocation', `${CODEBOOK_NS} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd`],
    ['origin', c.origin],
  ]);
  // The schema requires <Codes> with at least one <Code>: the caller refuses an empty codebook.
  w.open('Codes');
  codes(w, c.codes, false);
  w.close('Codes');
  w.close('CodeBook');
  return w.toString();
}
