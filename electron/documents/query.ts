// The search language: a plain query is one phrase (as before); quotes, AND, OR,
// NOT (or a leading "-") and parentheses make a boolean query; `/pattern/flags`
// is a regular expression. Words are the researcher's data, never SQL or FTS syntax.
import { InputError } from '../../shared/errors';

export type Query = { kind: 'term'; text: string } | { kind: 'not'; of: Query } | { kind: 'and' | 'or'; of: Query[] } | { kind: 'regex'; pattern: RegExp };

const OPERATOR = /^(?:AND|OR|NOT)$/;

function tokens(query: string): string[] {
  const out: string[] = [];
  for (const m of query.matchAll(/"([^"]*)"?|([()])|(-)(?=[^\s-])|([^\s()"]+)/gu)) {
    if (m[1] !== undefined) out.push(`"${m[1]}`);
    else out.push(m[2] ?? m[3] ?? m[4]);
  }
  return out;
}

/** Reads the query; one line in the researcher's words when it cannot be read. */
export function parseQuery(query: string, regex = false): Query {
  const q = query.trim();
  const slashed = /^\/(.+)\/([imsu]*)$/su.exec(q);
  if (regex || slashed) {
    const [source, flags] = slashed && !regex ? [slashed[1], slashed[2]] : [q, 'i'];
    try {
      return { kind: 'regex', pattern: new RegExp(source, `${flags.replace(/[gu]/g, '')}gu`) };
    } catch (e) {
      throw new InputError(
        `"${source}" is not a regular expression Fieldcode can read (${(e as Error).message.replace(/^Invalid regular expression: /, '')}).`,
      );
    }
  }
  const list = tokens(q);
  if (!list.some((t) => t.startsWith('"') || OPERATOR.test(t) || t === '(' || t === '-')) return { kind: 'term', text: q };
  let at = 0;
  const peek = () => list[at];
  const or = (): Query => {
    const parts = [and()];
    while (peek() === 'OR') {
      at++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0] : { kind: 'or', of: parts };
  };
  const and = (): Query => {
    const parts = [unary()];
    while (peek() !== undefined && peek() !== 'OR' && peek() !== ')') {
      if (peek() === 'AND') at++;
      parts.push(unary());
    }
    return parts.length === 1 ? parts[0] : { kind: 'and', of: parts };
  };
  const unary = (): Query => {
    const t = list[at++];
    if (t === undefined) throw new InputError('The search ends too early: a word is missing after AND, OR or NOT.');
    if (t === 'NOT' || t === '-') return { kind: 'not', of: unary() };
    if (t === '(') {
      const inner = or();
      if (list[at++] !== ')') throw new InputError('A bracket in the search is not closed.');
      return inner;
    }
    if (t === ')' || t === 'AND' || t === 'OR') throw new InputError(`"${t}" cannot stand there; put words on both sides of AND and OR.`);
    const text = t.startsWith('"') ? t.slice(1).trim() : t;
    if (!text) throw new InputError('An empty phrase ("") cannot be searched for.');
    return { kind: 'term', text };
  };
  const tree = or();
  if (at < list.length) throw new InputError('A closing bracket in the search has no opening one.');
  return tree;
}

/** The terms whose occurrences are hits: every term not under a NOT. */
export function positiveTerms(q: Query, negated = false): string[] {
  if (q.kind === 'term') return negated ? [] : [q.text];
  if (q.kind === 'regex') return [];
  if (q.kind === 'not') return positiveTerms(q.of, !negated);
  return q.of.flatMap((p) => positiveTerms(p, negated));
}

/** Whether a document whose text contains exactly the terms `has` says true satisfies the query. */
export function satisfies(q: Query, has: (term: string) => boolean): boolean {
  switch (q.kind) {
    case 'term':
      return has(q.text);
    case 'regex':
      return true;
    case 'not':
      return !satisfies(q.of, has);
    case 'and':
      return q.of.every((p) => satisfies(p, has));
    case 'or':
      return q.of.some((p) => satisfies(p, has));
  }
}
