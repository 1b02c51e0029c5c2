import type { Code } from '../../../shared/types';
import { CodeSelect } from '../common/CodeSelect';
import { toggle } from './filters';
import type { RowChoice, RowOptions } from './matrixRows';

interface Props {
  codes: Code[];
  value: RowOptions;
  onChange: (value: RowOptions) => void;
}

/** Which codes become the matrix's rows, and whether rows with nothing in them are shown. */
export function MatrixRowsPicker({ codes, value, onChange }: Props) {
  const { choice } = value;
  const setChoice = (c: RowChoice) => onChange({ ...value, choice: c });
  const parents = codes.filter((c) => codes.some((k) => k.parentId === c.id));
  return (
    <fieldset className="reports-block">
      <legend>Rows: codes</legend>
      <label className="check">
        <input type="radio" name="matrix-rows" checked={choice.kind === 'all'} onChange={() => setChoice({ kind: 'all' })} /> all codes
      </label>
      <label className="check">
        <input
          type="radio"
          name="matrix-rows"
          checked={choice.kind === 'branch'}
          disabled={parents.length === 0}
          onChange={() => setChoice({ kind: 'branch', path: parents[0]?.path ?? '' })}
        />{' '}
        one branch
      </label>
      {choice.kind === 'branch' && (
        <CodeSelect
          codes={parents}
          label="Branch"
          none="Choose a branch…"
          value={codes.find((c) => c.path === choice.path)?.id ?? ''}
          onChange={(id) => setChoice({ kind: 'branch', path: codes.find((c) => c.id === id)?.path ?? '' })}
        />
      )}
      <label className="check">
        <input type="radio" name="matrix-rows" checked={choice.kind === 'list'} onChange={() => setChoice({ kind: 'list', codeIds: [] })} /> codes I tick
      </label>
      {choice.kind === 'list' && (
        <div className="reports-code-list" role="group" aria-label="Row codes">
          {codes.map((c) => (
            <label key={c.id} className="check" style={{ paddingLeft: `${(c.path.split('/').length - 1) * 16}px` }} title={c.path}>
              <input
                type="checkbox"
                checked={choice.codeIds.includes(c.id)}
                onChange={() => setChoice({ kind: 'list', codeIds: toggle(choice.codeIds, c.id) })}
              />{' '}
              {c.name}
            </label>
          ))}
        </div>
      )}
      <label className="check reports-gap">
        <input type="checkbox" checked={value.hideEmpty} onChange={(e) => onChange({ ...value, hideEmpty: e.currentTarget.checked })} /> hide empty rows
      </label>
    </fieldset>
  );
}
