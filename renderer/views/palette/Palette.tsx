import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Code } from '../../../shared/types';
import { useCodebook } from '../../store/codebook';
import { useCoding } from '../../store/coding';
import { useUi, type PaletteMode } from '../../store/ui';
import { focusTranscript } from '../transcript/focus';
import { rank } from './fuzzy';

type Choice =
  { kind: 'code'; id: string; name: string; path: string; colour: string } | { kind: 'create'; name: string; parentId: string | null; under: string | null };

/**
 * What "Create code …" would make of the typed text: "name" goes at the top level,
 * "Students / Skills / name" (or "›") under that existing code. Never under the code
 * last clicked: the coder sees where it goes before pressing Enter.
 */
export function creation(query: string, codes: readonly Code[]): { choice?: Choice; problem?: string } {
  const parts = query.split(/[/›>]/).map((s) => s.trim().replace(/\s+/g, ' '));
  const name = parts.pop() ?? '';
  if (!name) return {};
  if (name.length > 200) return { problem: `A code name can be at most 200 characters (this one has ${name.length}).` };
  const parentPath = parts.filter(Boolean).join('/');
  const parent = parentPath ? codes.find((c) => c.path.toLowerCase() === parentPath.toLowerCase()) : undefined;
  if (parentPath && !parent) return { problem: `There is no code “${parentPath.replace(/\//g, ' › ')}” to put “${name}” under.` };
  const siblings = codes.filter((c) => c.parentId === (parent?.id ?? null));
  if (siblings.some((c) => c.name.toLowerCase() === name.toLowerCase())) return {};
  return { choice: { kind: 'create', name, parentId: parent?.id ?? null, under: parent ? parent.path.replace(/\//g, ' › ') : null } };
}

/** Quick code (Ctrl/Cmd+K): type a few letters of a code, Enter applies it; "Create code …" when nothing matches. */
export function Palette() {
  const mode = useUi((s) => s.palette);
  return mode ? <PaletteBody mode={mode} /> : null;
}

function PaletteBody({ mode }: { mode: PaletteMode }) {
  const close = useUi((s) => s.closePalette);
  const codes = useCodebook((s) => s.codes);
  const hasSelection = useCoding((s) => !!s.selection);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  const [choices, problem] = useMemo<[Choice[], string | null]>(() => {
    const found = rank(
      query,
      codes,
      (c) => c.name,
      (c) => c.path,
      40,
    ).map<Choice>((c) => ({ kind: 'code', id: c.id, name: c.name, path: c.path, colour: c.colour }));
    if (mode.kind !== 'apply' || !hasSelection) return [found, null];
    const made = creation(query, codes);
    if (made.choice) found.push(made.choice);
    return [found, made.problem ?? null];
  }, [query, codes, mode, hasSelection]);

  const title = mode.kind === 'recode' ? 'Recode segment as…' : mode.kind === 'apply' ? 'Code selection with…' : 'Go to code…';

  const choose = async (c: Choice | undefined) => {
    if (!c) return;
    close();
    // Back to the transcript, where the coder was, after every command.
    focusTranscript();
    const coding = useCoding.getState();
    if (c.kind === 'create') {
      await coding.applyNew(c.name, c.parentId);
    } else if (mode.kind === 'apply') await coding.apply(c.id);
    else if (mode.kind === 'recode') await coding.recode(mode.segmentId, c.id);
    else useCodebook.getState().select(c.id);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, choices.length - 1));
    else if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter') void choose(choices[index]);
    else if (e.key === 'Escape') {
      close();
      focusTranscript();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label={title} data-testid="palette">
        <input
          ref={input}
          data-testid="palette-input"
          className="palette-input"
          placeholder={title}
          value={query}
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={choices[index] ? `palette-${index}` : undefined}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={onKey}
        />
        <ul className="palette-list" id="palette-list" role="listbox" aria-label="Codes">
          {choices.map((c, i) => (
            <li
              key={c.kind === 'code' ? c.id : 'create'}
              id={`palette-${i}`}
              role="option"
              aria-selected={i === index}
              className={i === index ? 'current' : ''}
              onMouseEnter={() => setIndex(i)}
              onMouseDown={(e) => {
                e.preventDefault();
                void choose(c);
              }}
            >
              {c.kind === 'code' ? (
                <>
                  <span className="swatch" style={{ background: c.colour }} aria-hidden />
                  <span className="palette-name">{c.name}</span>
                  <span className="palette-path">{c.path.slice(0, Math.max(0, c.path.length - c.name.length - 1))}</span>
                </>
              ) : (
                <span className="palette-create">
                  Create code “{c.name}” {c.under ? `under ${c.under}` : 'at the top level'} and apply it
                </span>
              )}
            </li>
          ))}
          {!choices.length && !problem && <li className="palette-none">No code matches. Select text first to create one.</li>}
        </ul>
        {problem && (
          <p className="field-problem" role="alert" data-testid="palette-problem">
            {problem}
          </p>
        )}
        <p className="palette-hint">↑↓ to choose · Enter to {mode.kind === 'goto' ? 'go' : 'apply'} · Esc to close</p>
      </div>
    </div>
  );
}
