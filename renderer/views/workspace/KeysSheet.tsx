import { useEffect, useRef } from 'react';
import { useUi } from '../../store/ui';
import { focusTranscript } from '../transcript/focus';

// The shortcut sheet (?): every key of the coding loop, in one place.

const KEYS: [string, string][] = [
  ['Tab', 'Into the transcript (one stop), then the inspector'],
  ['← →', 'Move the caret a character'],
  ['Ctrl ← →', 'Move the caret a word'],
  ['↑ ↓', 'Previous / next paragraph'],
  ['Home End', 'Start / end of the paragraph'],
  ['Shift + any of these', 'Select by character, word, paragraph end'],
  ['Shift ↑ ↓', 'Select by sentence'],
  ['S', 'Select the sentence at the caret'],
  ['T', 'Select the whole turn'],
  ['1 – 9', 'Apply the code with that key badge (the selection stays)'],
  ['Ctrl K', 'Find a code and apply it; type Parent / Name to create one under Parent'],
  ['Ctrl I', 'In vivo: a code named with the selected words, in the “In vivo” group'],
  ['Enter', 'Open the coding at the caret (again: the next one there)'],
  ['R', 'Recode the open coding'],
  ['M', 'Write the open coding’s memo (Esc back to the transcript)'],
  ['Delete', 'Remove the open coding'],
  ['Esc', 'Clear the selection and the open coding'],
  ['Ctrl Z / Ctrl Shift Z', 'Undo / redo'],
  ['Ctrl F', 'Search'],
  ['Ctrl [ / Ctrl ]', 'Hide or show the documents and codebook / the inspector'],
  ['← → on a pane edge', 'Make the pane narrower or wider (Shift: faster, Enter: hide or show)'],
  ['?', 'This sheet'],
];

export function KeysSheet() {
  const open = useUi((s) => s.keysSheet);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (!open) return null;
  const done = () => (useUi.getState().showKeys(false), focusTranscript());
  return (
    <div
      className="overlay"
      onKeyDown={(e) => (e.key === 'Escape' || e.key === '?') && (e.preventDefault(), done())}
      onMouseDown={(e) => e.target === e.currentTarget && done()}
    >
      <div className="dialog keys-sheet" role="dialog" aria-modal="true" aria-labelledby="keys-title" data-testid="keys-sheet">
        <h2 id="keys-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {KEYS.map(([k, what]) => (
              <tr key={k}>
                <th scope="row">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="button-row end">
          <button type="button" ref={close} onClick={done}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
