import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCodebook } from '../../store/codebook';
import { useCoding } from '../../store/coding';
import { useDocuments } from '../../store/documents';
import { useUi } from '../../store/ui';
import { CodeEditor } from '../codebook/CodeEditor';
import { AutoText } from '../common/AutoText';
import { useAfterPaint } from '../common/useAfterPaint';
import { focusTranscript } from '../transcript/focus';
import { DocumentSection } from '../documents/DocumentDetails';

function excerpt(text: string, max = 220): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

type Coding = Pick<ReturnType<typeof useCoding.getState>, 'selection' | 'active' | 'segments' | 'coders'>;

/**
 * The right pane: the selection and how to code it, the codes at the cursor, the
 * selected code's entry. It follows the transcript one painted frame later, so a
 * coding key's work before its highlight shows is the transcript's alone.
 */
export function Inspector() {
  const now = useCoding(useShallow((s): Coding => ({ selection: s.selection, active: s.active, segments: s.segments, coders: s.coders })));
  return <InspectorPane {...useAfterPaint(now)} />;
}

const InspectorPane = memo(function InspectorPane({ selection, active, segments, coders }: Coding) {
  const text = useDocuments((s) => s.current?.text ?? '');
  const codes = useCodebook((s) => s.codes);
  const keys = useCodebook((s) => s.keys);
  const selectedId = useCodebook((s) => s.selectedId);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const here = segments.filter((s) => active.includes(s.id));
  const selected = selectedId ? byId.get(selectedId) : undefined;
  const coderName = (id: string) => coders.find((c) => c.id === id)?.name ?? 'unknown coder';

  return (
    <aside className="inspector" id="inspector-pane" aria-label="Inspector">
      {selection && (
        <section className="inspector-section" aria-label="Selection">
          <h3>Selection</h3>
          <blockquote className="quote">{excerpt(text.slice(selection.start, selection.end))}</blockquote>
          <p className="muted">{selection.end - selection.start} characters</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => useUi.getState().openPalette({ kind: 'apply' })}>
              Code with… <kbd>Ctrl K</kbd>
            </button>
            <button type="button" onClick={() => void useCoding.getState().inVivo()}>
              In vivo <kbd>Ctrl I</kbd>
            </button>
          </div>
          {keys.some(Boolean) && (
            <ol className="pinned" aria-label="Codes on the number keys">
              {keys.map((id, i) => {
                const c = id ? byId.get(id) : undefined;
                return c ? (
                  <li key={id}>
                    <button type="button" onClick={() => void useCoding.getState().apply(c.id)}>
                      <kbd>{i + 1}</kbd>
                      <span className="swatch" style={{ background: c.colour }} aria-hidden />
                      {c.name}
                    </button>
                  </li>
                ) : null;
              })}
            </ol>
          )}
        </section>
      )}
      {here.length > 0 && (
        <section className="inspector-section" aria-label="Codes here">
          <h3>Codes here</h3>
          {here.map((s) => {
            const c = byId.get(s.codeId);
            return (
              <div
                key={s.id}
                className="here"
                data-testid="segment-card"
                data-segment={s.id}
                onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), focusTranscript())}
              >
                <div className="here-head">
                  <span className="swatch" style={{ background: c?.colour }} aria-hidden />
                  <button type="button" className="link" onClick={() => useCodebook.getState().select(s.codeId)}>
                    {c?.path ?? 'deleted code'}
                  </button>
                </div>
                <blockquote className="quote small">{excerpt(text.slice(s.start, s.end), 160)}</blockquote>
                <p className="muted">coded by {coderName(s.coderId)}</p>
                <AutoText
                  key={s.id}
                  label="Segment memo"
                  value={s.memo}
                  rows={2}
                  testId="segment-memo"
                  check={(v) => (v.length > 20_000 ? 'A segment memo can be at most 20,000 characters.' : null)}
                  onSave={(memo) => useCoding.getState().setMemo(s.id, memo)}
                />
                <div className="button-row">
                  <button type="button" onClick={() => useUi.getState().openPalette({ kind: 'recode', segmentId: s.id })}>
                    Recode…
                  </button>
                  <button type="button" className="danger" onClick={() => void useCoding.getState().remove(s.id).then(focusTranscript)}>
                    Remove
                  </button>
                </div>
              </div>
            );
          })}
        </section>
      )}
      {selected && <CodeEditor code={selected} />}
      {!selection && !here.length && !selected && (
        <section className="inspector-section hint">
          <h3>How to code</h3>
          <ol className="steps">
            <li>
              Select a passage in the transcript with the mouse (it snaps to whole words; hold Alt for exact characters) or the keyboard (<kbd>Shift</kbd>
              +arrows, <kbd>S</kbd> sentence, <kbd>T</kbd> turn).
            </li>
            <li>
              Click a code, press the number on its key badge, or <kbd>Ctrl K</kbd> to find one. The selection stays for a second code; <kbd>Esc</kbd> clears
              it.
            </li>
            <li>
              Click a highlight or a stripe, or press <kbd>Enter</kbd> at the caret, to see, recode or remove its coding.
            </li>
          </ol>
          <p className="muted">
            Every change is saved as you type. <kbd>Ctrl Z</kbd> undoes; <kbd>?</kbd> lists every key.
          </p>
        </section>
      )}
      <DocumentSection doc={useDocuments((s) => s.list.find((d) => d.id === s.currentId) ?? null)} />
    </aside>
  );
});
