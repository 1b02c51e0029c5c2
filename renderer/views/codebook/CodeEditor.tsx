import { useMemo, useState } from 'react';
import { CODE_PALETTE } from '../../../shared/codebooks/palette';
import type { Code } from '../../../shared/types';
import { useCodebook, type CodeEdit } from '../../store/codebook';
import { useNav } from '../../store/nav';
import { AutoText } from '../common/AutoText';
import { askDeleteCode } from './actions';

/** What the project would refuse in a code name, in the researcher's words (checked before sending). */
export function codeNameProblem(name: string, siblings: readonly Code[] = []): string | null {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) return 'A code needs a name.';
  if (clean.length > 200) return `A code name can be at most 200 characters (this one has ${clean.length}).`;
  if (clean.includes('/')) return 'A code name cannot contain “/”: it separates the levels of a code path.';
  if (siblings.some((c) => c.name.toLowerCase() === clean.toLowerCase())) return `A code named “${clean}” is already here.`;
  return null;
}

const LONG = (what: string) => (v: string) => (v.length > 20_000 ? `${what} can be at most 20,000 characters.` : null);

/** The selected code's codebook entry, edited in place; every change is one undoable step. */
export function CodeEditor({ code }: { code: Code }) {
  const codes = useCodebook((s) => s.codes);
  const [mergeInto, setMergeInto] = useState('');
  const siblings = useMemo(() => codes.filter((c) => c.parentId === code.parentId && c.id !== code.id), [codes, code]);
  const others = useMemo(
    () => codes.filter((c) => c.id !== code.id && !c.path.startsWith(`${code.path}/`)).sort((a, b) => a.path.localeCompare(b.path)),
    [codes, code],
  );
  const save = (edit: CodeEdit) => void useCodebook.getState().update(code.id, edit);
  return (
    <section className="inspector-section" aria-label="Code">
      <h3>Code</h3>
      <AutoText
        key={`name:${code.id}`}
        label="Name"
        value={code.name}
        multiline={false}
        required
        testId="code-name"
        check={(v) => codeNameProblem(v, siblings)}
        onSave={(name) => save({ name })}
      />
      <p className="code-path">{code.path}</p>
      <div className="field">
        <span>Colour</span>
        <div className="colours" role="radiogroup" aria-label="Colour">
          {CODE_PALETTE.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={c.toUpperCase() === code.colour.toUpperCase()}
              aria-label={`Colour ${c}`}
              className="colour"
              style={{ background: c }}
              onClick={() => save({ colour: c })}
            />
          ))}
          <input type="color" aria-label="Other colour" value={code.colour.toLowerCase()} onChange={(e) => save({ colour: e.target.value })} />
        </div>
      </div>
      <AutoText
        key={`def:${code.id}`}
        label="Definition"
        value={code.definition}
        rows={4}
        testId="code-definition"
        check={LONG('A definition')}
        onSave={(definition) => save({ definition })}
      />
      <AutoText
        key={`use:${code.id}`}
        label="When to use"
        value={code.whenToUse}
        testId="code-when"
        check={LONG('This note')}
        onSave={(whenToUse) => save({ whenToUse })}
      />
      <AutoText
        key={`not:${code.id}`}
        label="When not to use"
        value={code.whenNotToUse}
        testId="code-when-not"
        check={LONG('This note')}
        onSave={(whenNotToUse) => save({ whenNotToUse })}
      />
      <p className="muted">
        {code.segments} segment{code.segments === 1 ? '' : 's'} · {code.anchors.length} anchor example{code.anchors.length === 1 ? '' : 's'}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => useNav.getState().showSegments(code.id)}>
          Coded segments
        </button>
        <button type="button" onClick={() => void useCodebook.getState().create('New code', code.id)}>
          Add child
        </button>
        <button type="button" className="danger" onClick={() => void askDeleteCode(code)}>
          Delete…
        </button>
      </div>
      <div className="merge-row">
        <select aria-label="Merge into" value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
          <option value="">Merge into…</option>
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.path}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!mergeInto}
          onClick={() =>
            void useCodebook
              .getState()
              .merge(code.id, mergeInto)
              .then(() => setMergeInto(''))
          }
        >
          Merge
        </button>
      </div>
    </section>
  );
}
