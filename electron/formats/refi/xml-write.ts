// A small streaming XML writer for project.qde and .qdc files: parts are pushed
// to an array and joined once, which keeps a 50,000-segment project fast.

import { xmlAttr, xmlText } from '../xml-escape';

// XML 1.0 forbids some characters even as references; in an exchange file they become
// U+FFFD (a text file may hold them, XML not), so the researcher sees where one was.

/** Element content: a carriage return is kept as a reference, since parsers fold a literal one into LF. */
export function escapeText(s: string): string {
  return xmlText(s, 'replace');
}

/** Attribute values: line breaks and tabs as references, since parsers fold literal ones into spaces. */
export function escapeAttr(s: string): string {
  return xmlAttr(s, 'replace');
}

export type Attrs = [name: string, value: string | number | boolean | null | undefined][];

/** ` name="value"` for each attribute that has a value. */
export function attrs(list: Attrs): string {
  let out = '';
  for (const [name, value] of list) {
    if (value === null || value === undefined || value === '') continue;
    out += ` ${name}="${typeof value === 'string' ? escapeAttr(value) : String(value)}"`;
  }
  return out;
}

const INDENTS = Array.from({ length: 64 }, (_, i) => '  '.repeat(i));

export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  private depth = 0;

  private readonly attrs = attrs;

  indent(extra = 0): string {
    return INDENTS[this.depth + extra] ?? '  '.repeat(this.depth + extra);
  }

  /** Text already written as XML (a hot path builds its elements in one string). */
  raw(xml: string): this {
    this.parts.push(xml);
    return this;
  }

  open(name: string, attrs: Attrs = []): this {
    this.parts.push(`${this.indent()}<${name}${this.attrs(attrs)}>\n`);
    this.depth++;
    return this;
  }

  close(name: string): this {
    this.depth--;
    this.parts.push(`${this.indent()}</${name}>\n`);
    return this;
  }

  /** An element without children. */
  empty(name: string, attrs: Attrs = []): this {
    this.parts.push(`${this.indent()}<${name}${this.attrs(attrs)}/>\n`);
    return this;
  }

  /** An element holding text exactly (no indentation inside it). Empty text writes nothing. */
  text(name: string, text: string | null | undefined): this {
    if (!text) return this;
    this.parts.push(`${this.indent()}<${name}>${escapeText(text)}</${name}>\n`);
    return this;
  }

  /** `open` when there will be children, else `empty`; the caller closes with `end`. */
  element(name: string, attrs: Attrs, hasChildren: boolean): this {
    return hasChildren ? this.open(name, attrs) : this.empty(name, attrs);
  }

  end(name: string, hadChildren: boolean): this {
    return hadChildren ? this.close(name) : this;
  }

  toString(): string {
    return this.parts.join('');
  }
}
