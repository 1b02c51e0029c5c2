import { CodePicker } from './CodePicker';
import { attributeValues, MAX_CONTEXT, toggle, type FilterState } from './filters';
import type { ReportData } from './useReportData';

// Codes (with or without sub-codes), case attribute conditions, document kinds,
// speakers or roles, coders, and the context either side of each segment.

export interface FilterFormProps {
  data: ReportData;
  value: FilterState;
  onChange: (next: FilterState) => void;
  /** segment reports show context; tables do not need it */
  showContext?: boolean;
}

export function FilterForm({ data, value, onChange, showContext = true }: FilterFormProps) {
  const values = attributeValues(data.cases);
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const setCondition = (i: number, attribute: string, v: string) => set({ where: value.where.map((x, j) => (j === i ? { attribute, value: v } : x)) });
  return (
    <div className="reports-filter-grid">
      <CodePicker codes={data.codes} value={value.codeIds} descendants={value.descendants} onChange={(codeIds, descendants) => set({ codeIds, descendants })} />
      <div className="reports-filter-side">
        <fieldset className="reports-block reports-cases">
          <legend>Cases</legend>
          {value.where.map((c, i) => (
            <div key={i} className="reports-condition">
              <select aria-label={`attribute of condition ${i + 1}`} value={c.attribute} onChange={(e) => setCondition(i, e.currentTarget.value, '')}>
                <option value="">attribute…</option>
                {data.attributes.map((a) => (
                  <option key={a.id}>{a.name}</option>
                ))}
              </select>
              <span aria-hidden="true">=</span>
              <select
                aria-label={`value of condition ${i + 1}`}
                value={c.value}
                disabled={!c.attribute}
                onChange={(e) => setCondition(i, c.attribute, e.currentTarget.value)}
              >
                <option value="">value…</option>
                {(values[c.attribute] ?? []).map((v) => (
                  <option key={v}>{v}</option>
                ))}
              </select>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove condition ${i + 1}`}
                title="Remove condition"
                onClick={() => set({ where: value.where.filter((_, j) => j !== i) })}
              >
                ×
              </button>
            </div>
          ))}
          {data.attributes.length === 0 ? (
            <p className="muted">No case attributes yet: import a case sheet in Cases.</p>
          ) : (
            <button type="button" onClick={() => set({ where: [...value.where, { attribute: '', value: '' }] })}>
              Add case condition
            </button>
          )}
          {value.where.length > 1 && <p className="muted">All conditions must hold; the same attribute twice means either value.</p>}
        </fieldset>
        <fieldset className="reports-block">
          <legend>Document kinds</legend>
          {data.kinds.map((k) => (
            <label key={k} className="check">
              <input type="checkbox" checked={value.kinds.includes(k)} onChange={() => set({ kinds: toggle(value.kinds, k) })} /> {k}
            </label>
          ))}
        </fieldset>
        <SpeakerPicker data={data} value={value.speakers} onChange={(speakers) => set({ speakers })} />
        <fieldset className="reports-block">
          <legend>Coders</legend>
          {data.coders.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" checked={value.coderIds.includes(c.id)} onChange={() => set({ coderIds: toggle(value.coderIds, c.id) })} /> {c.name}
            </label>
          ))}
        </fieldset>
        {showContext && (
          <fieldset className="reports-block">
            <legend>Context</legend>
            <label className="inline-field">
              <input
                type="number"
                min={0}
                max={MAX_CONTEXT}
                step={50}
                value={value.context}
                aria-label="Context characters either side"
                onChange={(e) => set({ context: Math.min(MAX_CONTEXT, Math.max(0, Math.round(Number(e.currentTarget.value)) || 0)) })}
              />
              characters either side
            </label>
          </fieldset>
        )}
      </div>
    </div>
  );
}

function SpeakerPicker({ data, value, onChange }: { data: ReportData; value: string[]; onChange: (v: string[]) => void }) {
  const left = (list: string[]) => list.filter((s) => !value.includes(s));
  return (
    <fieldset className="reports-block">
      <legend>Speakers or roles</legend>
      {value.length > 0 && (
        <ul className="reports-chips">
          {value.map((s) => (
            <li key={s} className="tag">
              {s}
              <button type="button" className="link" aria-label={`Remove speaker ${s}`} onClick={() => onChange(value.filter((x) => x !== s))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <select aria-label="Add speaker or role" value="" onChange={(e) => e.currentTarget.value && onChange([...value, e.currentTarget.value])}>
        <option value="">{value.length ? 'add another…' : 'anyone (add a speaker or role…)'}</option>
        {data.speakers.length > 0 && (
          <optgroup label="Speakers">
            {left(data.speakers).map((s) => (
              <option key={s}>{s}</option>
            ))}
          </optgroup>
        )}
        <optgroup label="Roles">
          {left(data.roles).map((s) => (
            <option key={s}>{s}</option>
          ))}
        </optgroup>
      </select>
    </fieldset>
  );
}
