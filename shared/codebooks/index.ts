// The codebooks a new project can start from, as data. The NSSP frame lives in
// nssp.json with hard-coded ids, so every project seeded from it shares the same
// code ids and coder copies merge by identity.
//
// A code path joins names with "/", so no name may contain "/". Where the report's
// own words carry a slash ("fundraising / charity", "and/or") the JSON spells it
// with U+2215 DIVISION SLASH ("∕"), which looks the same and keeps the path whole.
import nssp from './nssp.json';

export interface CodebookNode {
  /** UUID v4, stable across releases */
  id: string;
  name: string;
  /** #RRGGBB; every node of a top-level branch carries the branch colour */
  colour: string;
  /** one line: what a passage coded with this code is about */
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  /** a top-level branch the user may leave out (the report's second frame, structural codes) */
  optional?: boolean;
  children: CodebookNode[];
}

export interface Codebook {
  id: string;
  name: string;
  version: number;
  codes: CodebookNode[];
}

/** One code of a flattened codebook, ready to insert as a row. */
export interface FlatCode {
  id: string;
  parentId: string | null;
  name: string;
  /** names joined by "/" from the root */
  path: string;
  colour: string;
  /** position among its siblings, from 0 */
  sort: number;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
}

export interface FlattenOptions {
  /** include top-level branches marked optional (default true) */
  includeOptional?: boolean;
}

export const NSSP_CODEBOOK: Codebook = nssp;

export const EMPTY_CODEBOOK: Codebook = { id: 'empty', name: 'Empty codebook', version: 1, codes: [] };

export const CODEBOOKS = { nssp: NSSP_CODEBOOK, empty: EMPTY_CODEBOOK } as const satisfies Record<string, Codebook>;

/** Every code in tree order: each parent before its children, siblings in file order. */
export function flattenCodebook(cb: Codebook, opts: FlattenOptions = {}): FlatCode[] {
  const includeOptional = opts.includeOptional ?? true;
  const out: FlatCode[] = [];
  const walk = (nodes: CodebookNode[], parentId: string | null, parentPath: string) => {
    nodes.forEach((node, sort) => {
      const path = parentPath ? `${parentPath}/${node.name}` : node.name;
      out.push({
        id: node.id,
        parentId,
        name: node.name,
        path,
        colour: node.colour,
        sort,
        definition: node.definition,
        whenToUse: node.whenToUse,
        whenNotToUse: node.whenNotToUse,
      });
      walk(node.children, node.id, path);
    });
  };
  walk(includeOptional ? cb.codes : cb.codes.filter((c) => !c.optional), null, '');
  return out;
}
