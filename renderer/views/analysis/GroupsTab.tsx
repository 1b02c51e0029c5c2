import { useState } from 'react';
import type { Attribute, Code } from '../../../shared/types';
import { api } from '../../api';
import { useFetch } from '../common/useFetch';
import { percent } from './data';
import { ExportBar } from './ExportBar';
import { Quotations } from './Quotations';
import { SummaryBox } from './SummaryBox';

/** Code × group comparison (k of n cases, %); a cell opens the group's exemplars and its summary. */
export function GroupsTab({ attributes, tree }: { attributes: Attribute[]; tree: Code[] }) {
  const [first, setFirst] = useState(attributes.find((a) => a.name === 'continent')?.name ?? attributes[0]?.name ?? '');
  const [second, setSecond] = useState(attributes.find((a) => a.name === 'phase')?.name ?? '');
  const [cell, setCell] = useState<{ group: string; code: string } | null>(null);
  const by = [first, second].filter(Boolean);
  const groups = useFetch(`groups|${by.join(',')}`, () => (by.length ? api['analysis.groups']({ by }) : Promise.resolve([])));
  const g = groups.data ?? [];
  // rows in codebook order, whichever group a code first appears in
  const order = new Map(tree.map((c, i) => [c.id, i]));
  const codes = [...new Map(g.flatMap((x) => x.codes.map((c) => [c.id, c.path] as const))).entries()].sort(
    ([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
  const chosen = g.find((x) => x.key === cell?.group);
  const chosenCode = chosen?.codes.find((c) => c.id === cell?.code);
  if (attributes.length === 0) return <p className="pane-empty">No case attributes yet: import a case sheet in the Cases view.</p>;
  const select = (value: string, set: (v: string) => void, label: string, optional: boolean) => (
    <select aria-label={label} value={value} onChange={(e) => set(e.target.value)}>
      {optional && <option value="">—</option>}
      {attributes.map((a) => (
        <option key={a.id} value={a.name}>
          {a.name}
        </option>
      ))}
    </select>
  );
  return (
    <div className="groups">
      <div className="view-toolbar filters">
        <label>Groups by {select(first, setFirst, 'Group by', false)}</label>
        <label>× {select(second, setSecond, 'and by', true)}</label>
        <ExportBar request={{ what: 'groups', by }} formats={['docx', 'md']} name="group-summaries" what="the group summaries" rows="group" />
      </div>
      {groups.error && <p className="error">{groups.error}</p>}
      {g.length > 0 && (
        <div className="matrix-scroll">
          <table className="data-table comparison" data-testid="group-comparison">
            <thead>
              <tr>
                <th>code</th>
                {g.map((x) => (
                  <th key={x.key}>
                    {x.label} <span className="count">n={x.cases}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {codes.map(([id, path]) => (
                <tr key={id}>
                  <th scope="row">{path}</th>
                  {g.map((x) => {
                    const c = x.codes.find((k) => k.id === id);
                    return (
                      <td key={x.key} className={cell?.group === x.key && cell.code === id ? 'selected' : ''}>
                        {c ? (
                          <button type="button" className="cell-button" onClick={() => setCell({ group: x.key, code: id })}>
                            {c.cases}/{x.cases} <span className="count">{percent(c.cases, x.cases)}</span>
                          </button>
                        ) : (
                          '0'
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {chosen && chosenCode && (
        <section className="cell-panel" aria-label="Selected group and code">
          <h3>
            {chosen.label} · {chosenCode.path}: {chosenCode.cases} of {chosen.cases} cases, {chosenCode.segments} segments
          </h3>
          <SummaryBox
            key={`${chosen.key}|${chosenCode.id}`}
            cell={{ rowKind: 'group', rowKey: chosen.key, columnKind: 'code', columnKey: chosenCode.id }}
            value={chosenCode.summary}
            label={`Group summary: ${chosen.label} × ${chosenCode.path}`}
          />
          <Quotations items={chosenCode.exemplars} showCase />
        </section>
      )}
    </div>
  );
}
