import { useShallow } from 'zustand/react/shallow';
import { api } from '../../api';
import { useFetch } from '../common/useFetch';
import { useTeam } from './teamStore';

/** Which coders, which documents, and the unit (characters or speaker turns). */
export function AgreementFiltersForm() {
  const filters = useTeam(useShallow((s) => ({ coderIds: s.coderIds, documentIds: s.documentIds, unit: s.unit })));
  const options = useFetch('agreement-options', async () => {
    const [coders, documents] = await Promise.all([api['team.coders']({}), api['documents.list']({})]);
    return { coders, documents };
  }).data;
  const set = useTeam.getState().setFilters;
  const toggle = (id: string) => set({ coderIds: filters.coderIds.includes(id) ? filters.coderIds.filter((c) => c !== id) : [...filters.coderIds, id] });
  return (
    <div className="view-toolbar filters agreement-filters">
      <fieldset className="inline-fieldset">
        <legend>Coders</legend>
        {options?.coders.map((c) => (
          <label key={c.id} className="check">
            <input type="checkbox" checked={filters.coderIds.includes(c.id)} onChange={() => toggle(c.id)} />
            {c.name}
            {c.consensus ? ' (consensus)' : ''}
          </label>
        ))}
        {!filters.coderIds.length && <span className="muted">none ticked: everyone who coded</span>}
      </fieldset>
      <label className="inline-field">
        <span>Documents</span>
        <select multiple size={3} value={filters.documentIds} onChange={(e) => set({ documentIds: [...e.currentTarget.selectedOptions].map((o) => o.value) })}>
          {options?.documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {filters.documentIds.length > 0 && (
        <button type="button" className="link" onClick={() => set({ documentIds: [] })}>
          All documents
        </button>
      )}
      <fieldset className="inline-fieldset">
        <legend>Unit</legend>
        <label className="check">
          <input type="radio" name="agreement-unit" checked={filters.unit === 'char'} onChange={() => set({ unit: 'char' })} /> characters
        </label>
        <label className="check">
          <input type="radio" name="agreement-unit" checked={filters.unit === 'turn'} onChange={() => set({ unit: 'turn' })} /> speaker turns
        </label>
      </fieldset>
    </div>
  );
}
