import { useMemo, useState } from 'react';
import { CODE_PALETTE } from '../../../shared/codebooks/palette';
import type { Code } from '../../../shared/types';
import { useCodebook, type CodeEdit } from '../../store/codebook';
import { useNav } from '../../store/nav';
import { askDeleteCode } from './actions';

function Field({ label, value, onSave, rows = 3 }: { label: string; value: string; onSave: (v: string) => void; rows?: number }) {
  return (
    <label className="field">
      <span>{label}</span>
      <textarea key={value} rows={rows} defaultValue={value} onBlur={(e) => e.currentTarget.value !== value && onSave(e.currentTarget.value)} />
    </label>
  );
}

/** The selected code's codebook entry, edited in place; every change is one undoable step. */
export function CodeEditor({ code }: { code: Code }) {
  const codes = useCodebook((s) => s.codes);
  const [mergeInto, setMergeInto] = useState('');
  const others = useMemo(() => codes.filter((c) => c.id !== code.id && !c.path.startsWith(`${code.path}/`)).sort((a, b) => a.path.localeCompare(b.path)), [codes, code]);
  const save = (edit: CodeEdit) => void useCodebook.getState().update(code.id, edit);
  return (
    <section className="inspector-section" aria-label="Code">
      <h3>Code</h3>
      <label className="field">
        <span>Name</span>
        <input key={code.name} defaultValue={code.name} onBlur={(e) => e.currentTarget.value.trim() && e.currentTarget.value.trim() !== code.name && save({ name: e.currentTarget.value.trim() })} onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} />
      </label>
      <p className="code-path">{code.path}</p>
      <div className="field">
        <span>Colour</span>
        <div className="colours" role="radiogroup" aria-label="Colour">
          {CODE_PALETTE.map((c) => (
            <button key={c} type="button" role="radio" aria-checked={c.toUpperCase() === code.colour.toUpperCase()} aria-label={`Colour ${c}`} className="colour" style={{ background: c }} onClick={() => save({ colour: c })} />
          ))}
          <input type="color" aria-label="Other colour" value={code.colour.toLowerCase()} onChange={(e) => save({ colour: e.target.value })} />
        </div>
      </div>
      <Field label="Definition" value={code.definition} onSave={(definition) => save({ definition })} rows={4} />
      <Field label="When to use" value={code.whenToUse} onSave={(whenToUse) => save({ whenToUse })} />
      <Field label="When not to use" value={code.whenNotToUse} onSave={(whenNotToUse) => save({ whenNotToUse })} />
      <p className="muted">
        {code.segments} segment{code.segments === 1 ? '' : 's'} · {code.anchors.length} anchor example{code.anchors.length === 1 ? '' : 's'}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => useNav.getState().showSegments(code.id)}>Coded segments</button>
        <button type="button" onClick={() => void useCodebook.getState().create('New code', code.id)}>Add child</button>
        <button type="button" className="danger" onClick={() => void askDeleteCode(code)}>Delete…</button>
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
        <button type="button" disabled={!mergeInto} onClick={() => void useCodebook.getState().merge(code.id, mergeInto).then(() => setMergeInto(''))}>
          Merge
        </button>
      </div>
    </section>
  );
}
