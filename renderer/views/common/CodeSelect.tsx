import type { Code } from '../../../shared/types';
import { childrenOf } from '../../store/codebook';

interface CodeSelectProps {
  codes: readonly Code[];
  value: string;
  onChange: (id: string) => void;
  label: string;
  /** the option for "no code" (e.g. "Choose a code…" or "All codes") */
  none: string;
  /** more options after "none", e.g. ["*", "All codes"] */
  extra?: [string, string][];
  id?: string;
  testId?: string;
}

/** A select of the codebook in tree order, indented by depth, with full paths as titles. */
export function CodeSelect({ codes, value, onChange, label, none, extra = [], id, testId }: CodeSelectProps) {
  return (
    <select id={id} aria-label={label} data-testid={testId} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{none}</option>
      {extra.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
      {treeOrder(codes).map((c) => (
        <option key={c.id} value={c.id} title={c.path}>
          {'\u2002\u2002'.repeat(c.path.split('/').length - 1)}
          {c.name}
        </option>
      ))}
    </select>
  );
}

/** Codes depth-first in the codebook's order (codes whose parent is missing come last). */
export function treeOrder(codes: readonly Code[]): Code[] {
  const kids = childrenOf(codes);
  const out: Code[] = [];
  const seen = new Set<string>();
  const visit = (parent: string) => {
    for (const c of kids.get(parent) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
      visit(c.id);
    }
  };
  visit('');
  for (const c of codes) if (!seen.has(c.id)) out.push(c);
  return out;
}
