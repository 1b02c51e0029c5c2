import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CODEBOOKS, flattenCodebook, NSSP_CODEBOOK, type CodebookNode } from '../../shared/codebooks';
import rawNssp from '../../shared/codebooks/nssp.json';
import { CODE_PALETTE } from '../../shared/codebooks/palette';

// The specification is read, not retyped, so a mistyped or missing code name fails here.
// The repository keeps the specification's copy in tests/fixtures and always compares
// with it: nothing outside the repository decides whether an assertion runs.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SPEC = join(root, 'tests', 'fixtures', 'CODEBOOK-NSSP.md');

function readSpec(): string {
  return readFileSync(SPEC, 'utf8');
}

describe('the codebook specification copy', () => {
  it('is the NSSP coding frame, kept in the repository', () => {
    expect(readSpec()).toMatch(/^# The default coding frame: North–South School Partnerships \(NSSP\)\n/);
  });
});

interface SpecLabel {
  name: string;
  /** the words in parentheses, which belong in the definition */
  gloss: string[];
}

/** "Knowledge (general knowledge development)" → name "Knowledge", gloss ["general knowledge development"]. */
function specLabel(label: string): SpecLabel {
  const m = /\(([^)]*)\)/.exec(label);
  const gloss = m
    ? m[1]
        .split(',')
        .map((s) => s.replace(/…/g, '').trim())
        .filter(Boolean)
    : [];
  // "/" separates a code path, so the JSON writes the report's slash as U+2215 (see shared/codebooks/index.ts).
  const name = label
    .replace(/\s*\([^)]*\)/, '')
    .trim()
    .replace(/\//g, '\u2215');
  return { name, gloss };
}

interface SpecCode {
  path: string;
  gloss: string[];
  optional: boolean;
}

/** Every code the specification names (branches and their prefixes included), keyed by lower-cased path. */
function specCodes(spec: string): Map<string, SpecCode> {
  const codes = new Map<string, SpecCode>();
  const add = (parts: SpecLabel[], optional: boolean) => {
    for (let i = 1; i <= parts.length; i++) {
      const path = parts
        .slice(0, i)
        .map((p) => p.name)
        .join('/');
      const prev = codes.get(path.toLowerCase());
      codes.set(path.toLowerCase(), { path, gloss: [...(prev?.gloss ?? []), ...parts[i - 1].gloss], optional });
    }
  };
  for (const section of spec.split(/^## /m).slice(1)) {
    const heading = section.slice(0, section.indexOf('\n'));
    const optional = /\(([^)]*\b)?optional\)/.test(heading);
    for (const line of section.split('\n')) {
      const cells = /^\|(.*)\|\s*$/
        .exec(line)?.[1]
        .split('|')
        .map((c) => c.trim());
      if (!cells || !cells[0].includes('›')) continue;
      const branch = cells[0].split('›').map(specLabel);
      add(branch, optional);
      for (const code of cells[1].split('·')) add([...branch, specLabel(code)], optional);
    }
    for (const m of section.matchAll(/\*([^*\n]*›[^*\n]*)\*/g)) add(m[1].split('›').map(specLabel), optional);
    // The structural codes are a prose list after the colon, under a heading that names the branch.
    const list = /tag passages with them:\s*([\s\S]*?)\.\s*$/.exec(section.trim());
    if (list) {
      const top = specLabel(heading.replace(/^\d+\.\s*/, ''));
      top.gloss = top.gloss.filter((g) => g !== 'optional');
      for (const code of list[1].replace(/\s+/g, ' ').split('·')) add([top, specLabel(code)], optional);
    }
  }
  return codes;
}

function walk(nodes: CodebookNode[], visit: (n: CodebookNode, top: CodebookNode, siblings: CodebookNode[]) => void, top?: CodebookNode) {
  for (const n of nodes) {
    visit(n, top ?? n, nodes);
    walk(n.children, visit, top ?? n);
  }
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HEX = /^#[0-9A-Fa-f]{6}$/;

const NodeSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  colour: z.string(),
  definition: z.string(),
  whenToUse: z.string(),
  whenNotToUse: z.string(),
  optional: z.literal(true).optional(),
  get children(): z.ZodArray<typeof NodeSchema> {
    return z.array(NodeSchema);
  },
});

describe('NSSP codebook', () => {
  const spec = specCodes(readSpec());
  const flat = flattenCodebook(NSSP_CODEBOOK);

  it('has exactly the codes of the specification, by name and place', () => {
    expect(spec.size).toBeGreaterThan(100);
    const actual = flat.map((c) => c.path.toLowerCase()).sort();
    expect(actual).toEqual([...spec.keys()].sort());
  });

  it('keeps the report’s words, case aside, and the parenthesised words in the definition', () => {
    for (const c of flat) {
      const s = spec.get(c.path.toLowerCase());
      expect(s, `${c.path} is not in the specification`).toBeDefined();
      for (const word of s?.gloss ?? []) expect(c.definition.toLowerCase(), c.path).toContain(word.toLowerCase());
    }
    expect(flat.find((c) => c.path === 'Teachers/Knowledge')?.definition).toMatch(/general knowledge development/);
  });

  it('marks as optional exactly the top-level branches the specification calls optional', () => {
    const optional = NSSP_CODEBOOK.codes.filter((c) => c.optional).map((c) => c.name);
    expect(optional).toEqual(['Momentum', 'Case-study structure']);
    for (const top of NSSP_CODEBOOK.codes) expect(Boolean(top.optional), top.name).toBe(spec.get(top.name.toLowerCase())!.optional);
    walk(NSSP_CODEBOOK.codes, (n, top) => {
      if (n !== top) expect(n.optional, n.name).toBeUndefined();
    });
  });

  it('is well-formed JSON: known keys only, children on every node', () => {
    expect(() => z.strictObject({ id: z.literal('nssp'), name: z.string(), version: z.literal(1), codes: z.array(NodeSchema) }).parse(rawNssp)).not.toThrow();
  });

  it('gives every code a unique, stable UUID v4', () => {
    const ids = flat.map((c) => c.id);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    // Pinned: projects already seeded from the frame merge by these ids.
    expect(flat.find((c) => c.path === 'Teachers')?.id).toBe('754aa233-8fc7-4ade-b041-5d8407ec09b1');
  });

  it('gives every code a one-line definition and its branch’s colour, one palette colour per branch', () => {
    walk(NSSP_CODEBOOK.codes, (n, top) => {
      expect(n.definition.trim(), n.name).not.toBe('');
      expect(n.definition, n.name).not.toMatch(/\n/);
      expect(n.colour, n.name).toMatch(HEX);
      expect(n.colour, n.name).toBe(top.colour);
    });
    const tops = NSSP_CODEBOOK.codes.map((c) => c.colour);
    expect(new Set(tops).size).toBe(tops.length);
    for (const c of tops) expect(CODE_PALETTE).toContain(c);
  });

  it('keeps sibling names unique (ignoring case) and free of the path separator', () => {
    walk(NSSP_CODEBOOK.codes, (n, _top, siblings) => {
      expect(n.name, n.name).not.toContain('/');
      expect(n.name).toBe(n.name.trim());
      expect(
        siblings.filter((s) => s.name.toLowerCase() === n.name.toLowerCase()),
        n.name,
      ).toHaveLength(1);
    });
  });

  it('points "when not to use" at codes that exist', () => {
    const paths = flat.map((c) => `/${c.path.toLowerCase()}`);
    let refs = 0;
    walk(NSSP_CODEBOOK.codes, (n) => {
      const ref = /: use (.+)\.$/.exec(n.whenNotToUse)?.[1];
      for (const other of ref?.split(' or ') ?? []) {
        const suffix = `/${other.split(' › ').join('/').toLowerCase()}`;
        expect(
          paths.some((p) => p.endsWith(suffix)),
          `${n.name} → ${other}`,
        ).toBe(true);
        refs++;
      }
    });
    expect(refs).toBeGreaterThan(20);
  });
});

describe('flattenCodebook', () => {
  it('lists parents before children with paths, parent ids and sibling order', () => {
    const flat = flattenCodebook(NSSP_CODEBOOK);
    const seen = new Map<string, (typeof flat)[number]>();
    for (const c of flat) {
      if (c.parentId === null) expect(c.path).toBe(c.name);
      else {
        const parent = seen.get(c.parentId);
        expect(parent, c.path).toBeDefined();
        expect(c.path).toBe(`${parent!.path}/${c.name}`);
      }
      seen.set(c.id, c);
    }
    expect(flat.slice(0, 3).map((c) => [c.path, c.sort])).toEqual([
      ['Teachers', 0],
      ['Teachers/Skills', 0],
      ['Teachers/Skills/teaching skills', 0],
    ]);
    expect(flat.find((c) => c.path === 'Students/Motivation/Sources in African schools/learning English')?.sort).toBe(3);
    expect(flat.find((c) => c.path === 'Communities/Influence on the wider community')).toMatchObject({ colour: '#009E73', sort: 0 });
  });

  it('leaves the optional branches out when asked', () => {
    const all = flattenCodebook(NSSP_CODEBOOK);
    const core = flattenCodebook(NSSP_CODEBOOK, { includeOptional: false });
    expect(core.filter((c) => c.parentId === null).map((c) => c.name)).toEqual(['Teachers', 'Students', 'Communities']);
    expect(core.some((c) => c.path.startsWith('Momentum') || c.path.startsWith('Case-study structure'))).toBe(false);
    expect(all.length - core.length).toBe(all.filter((c) => /^(Momentum|Case-study structure)(\/|$)/.test(c.path)).length);
    expect(all.length).toBeGreaterThan(core.length);
  });

  it('offers an empty codebook', () => {
    expect(Object.keys(CODEBOOKS)).toEqual(['nssp', 'empty']);
    expect(flattenCodebook(CODEBOOKS.empty)).toEqual([]);
  });
});

describe('CODE_PALETTE', () => {
  it('has 12 or more distinct hex colours, Okabe–Ito first', () => {
    expect(CODE_PALETTE.length).toBeGreaterThanOrEqual(12);
    for (const c of CODE_PALETTE) expect(c).toMatch(HEX);
    expect(new Set(CODE_PALETTE.map((c) => c.toUpperCase())).size).toBe(CODE_PALETTE.length);
    expect(CODE_PALETTE.slice(0, 7).sort()).toEqual(['#0072B2', '#009E73', '#56B4E9', '#CC79A7', '#D55E00', '#E69F00', '#F0E442']);
  });
});
