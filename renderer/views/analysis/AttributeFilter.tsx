import type { Case } from '../../../shared/types';

export interface AttributeChoice {
  attribute: string;
  value: string;
}

export const NO_FILTER: AttributeChoice = { attribute: '', value: '' };

/** The API's filter for a choice: cases whose attribute has that value (none until both are chosen). */
export function whereOf(f: AttributeChoice): Record<string, string[]> | undefined {
  return f.attribute && f.value ? { [f.attribute]: [f.value] } : undefined;
}

/** "⟨label⟩ [attribute] = [value]": the values offered are those the cases have. */
export function AttributeFilter({
  cases,
  value,
  onChange,
  label,
  noun,
}: {
  cases: Case[];
  value: AttributeChoice;
  onChange: (f: AttributeChoice) => void;
  label: string;
  noun: string;
}) {
  const names = [...new Set(cases.flatMap((c) => Object.keys(c.attributes)))];
  const values = [...new Set(cases.map((c) => c.attributes[value.attribute] ?? '').filter(Boolean))].sort((a, b) => a.localeCompare(b));
  return (
    <>
      <label>
        {label}{' '}
        <select aria-label={`Filter ${noun} by`} value={value.attribute} onChange={(e) => onChange({ attribute: e.target.value, value: '' })}>
          <option value="">all {noun}</option>
          {names.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      {value.attribute && (
        <label>
          ={' '}
          <select
            aria-label={`${noun[0].toUpperCase()}${noun.slice(1)} whose ${value.attribute} is`}
            value={value.value}
            onChange={(e) => onChange({ ...value, value: e.target.value })}
          >
            <option value="">any</option>
            {values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
