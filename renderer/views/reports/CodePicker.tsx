import { useMemo } from 'react';
import type { Code } from '../../../shared/types';
import { childrenOf, totalsOf } from '../../store/codebook';
import { toggle } from './filters';

interface CodePickerProps {
  codes: Code[];
  value: string[];
  descendants: boolean;
  onChange: (codeIds: string[], descendants: boolean) => void;
}

/** The codebook as a scrolling tick list in tree order; nothing ticked means every code. */
export function CodePicker({ codes, value, descendants, onChange }: CodePickerProps) {
  // the same figure the code tree shows (a parent counts its sub-codes' segments), said in words
  const totals = useMemo(() => totalsOf(codes), [codes]);
  const parents = useMemo(() => childrenOf(codes), [codes]);
  return (
    <fieldset className="reports-block reports-codes">
      <legend>Codes</legend>
      {codes.length === 0 ? (
        <p className="muted">No codes yet.</p>
      ) : (
        <div className="reports-code-list" role="group" aria-label="Codes to include">
          {codes.map((c) => (
            <div key={c.id} className="reports-code-row" style={{ paddingLeft: `${(c.path.split('/').length - 1) * 16}px` }} title={c.path}>
              <label className="check">
                <input type="checkbox" checked={value.includes(c.id)} onChange={() => onChange(toggle(value, c.id), descendants)} />
                <span className="swatch" style={{ background: c.colour }} />
                {c.name}
              </label>
              <span className="count">{parents.get(c.id)?.length ? `${totals.get(c.id) ?? c.segments} with sub-codes` : c.segments}</span>
            </div>
          ))}
        </div>
      )}
      <div className="reports-block-foot">
        <label className="check">
          <input type="checkbox" checked={descendants} onChange={(e) => onChange(value, e.currentTarget.checked)} /> include sub-codes
        </label>
        <span className="muted">{value.length ? `${value.length} chosen` : 'all codes'}</span>
        {value.length > 0 && (
          <button type="button" className="link" onClick={() => onChange([], descendants)}>
            Clear
          </button>
        )}
      </div>
    </fieldset>
  );
}
