import { Fragment, useState } from 'react';
import type { MatrixColumn, MatrixRow } from '../../../shared/api/analysis';
import type { Attribute, Case, Code } from '../../../shared/types';
import { api } from '../../api';
import { useFetch } from '../common/useFetch';
import { AttributeFilter, NO_FILTER, whereOf } from './AttributeFilter';
import { ExportBar } from './ExportBar';
import { Quotations } from './Quotations';
import { SummaryBox } from './SummaryBox';
import { SummarySearch } from './SummarySearch';
import { useTemplateChoice } from './useTemplateChoice';

interface Selected {
  row: MatrixRow;
  column: MatrixColumn;
  index: number;
}

/** The framework matrix: cases (or documents) × sections or a branch's codes; a cell opens its segments and its summary. */
export function MatrixTab({ codes, attributes, cases }: { codes: Code[]; attributes: Attribute[]; cases: Case[] }) {
  const [rows, setRows] = useState<'case' | 'document'>('case');
  const [columns, setColumns] = useState('sections');
  const [groupBy, setGroupBy] = useState('');
  const [filter, setFilter] = useState(NO_FILTER);
  // the section columns are those of the template that drives the case-study draft
  const [chosen] = useTemplateChoice();
  const templates = useFetch('templates', () => api['analysis.templates']({})).data;
  const templateId = templates?.some((t) => t.id === chosen) ? chosen! : undefined;
  const [selected, setSelected] = useState<Selected | null>(null);
  const spec = {
    rows,
    columns: columns === 'sections' ? { kind: 'sections' as const, templateId } : { kind: 'branch' as const, codeId: columns },
    groupBy: groupBy ? [groupBy] : [],
    where: whereOf(filter),
    descendants: true,
  };
  const matrix = useFetch(JSON.stringify(spec), () => api['analysis.matrix'](spec));
  const m = matrix.data;
  const branches = codes.filter((c) => codes.some((k) => k.parentId === c.id));
  return (
    <div className="analysis-matrix">
      <div className="view-toolbar filters">
        <label>
          Rows{' '}
          <select aria-label="Matrix rows" value={rows} onChange={(e) => setRows(e.target.value as 'case' | 'document')}>
            <option value="case">cases</option>
            <option value="document">documents</option>
          </select>
        </label>
        <label>
          Columns{' '}
          <select aria-label="Matrix columns" value={columns} onChange={(e) => setColumns(e.target.value)}>
            <option value="sections">the case-study sections{templateId ? ` (${templates?.find((t) => t.id === templateId)?.name})` : ''}</option>
            {branches.map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
          </select>
        </label>
        <label>
          Group by{' '}
          <select aria-label="Group rows by" value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
            <option value="">nothing</option>
            {attributes.map((a) => (
              <option key={a.id} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <AttributeFilter
          cases={cases}
          value={filter}
          onChange={setFilter}
          label={rows === 'case' ? 'Only cases where' : 'Only documents whose case has'}
          noun="cases"
        />
        <ExportBar request={{ what: 'matrix', matrix: spec }} formats={['xlsx', 'docx', 'md']} name="framework-matrix" what="the framework matrix" />
      </div>
      <SummarySearch cases={cases} codes={codes} />
      {matrix.error && <p className="error">{matrix.error}</p>}
      {m && m.rows.length === 0 && <p className="pane-empty">No cases yet: import a case sheet in the Cases view.</p>}
      {m && m.rows.length > 0 && (
        <div className="matrix-scroll">
          <table className="data-table framework" data-testid="framework-matrix">
            <thead>
              <tr>
                <th>{rows}</th>
                {m.columns.map((c) => (
                  <th key={c.key} title={c.label}>
                    {c.label.split('/').pop()}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.rows.map((r, i) => (
                <Fragment key={r.key}>
                  {r.group && r.group !== m.rows[i - 1]?.group && (
                    <tr key={`g-${r.group}`} className="group-row">
                      <th colSpan={m.columns.length + 1}>{r.group}</th>
                    </tr>
                  )}
                  <tr>
                    <th scope="row">{r.label}</th>
                    {m.columns.map((c, j) => {
                      const text = (r.summaries[j] ?? []).map((s) => s.body).join(' / ');
                      const on = selected?.row.key === r.key && selected.column.key === c.key;
                      return (
                        <td key={c.key} className={on ? 'selected' : ''}>
                          <button
                            type="button"
                            className="cell-button"
                            aria-label={`${r.label} × ${c.label}: ${r.segments[j]} segments`}
                            onClick={() => setSelected({ row: r, column: c, index: j })}
                          >
                            <span className="count">{r.segments[j]}</span>
                            {text && <span className="cell-summary">{text}</span>}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && m && <CellPanel key={`${selected.row.key}|${selected.column.key}`} rowKind={m.rowKind} selected={selected} />}
    </div>
  );
}

function CellPanel({ rowKind, selected }: { rowKind: 'case' | 'document'; selected: Selected }) {
  const { row, column, index } = selected;
  const quotes = useFetch(`${row.key}|${column.key}`, () => api['analysis.cellQuotations']({ rowKind, rowKey: row.key, codeIds: column.codeIds }));
  const current = row.summaries[index] ?? [];
  return (
    <section className="cell-panel" aria-label="Selected cell" data-testid="cell-panel">
      <h3>
        {row.label} × {column.label}
      </h3>
      <SummaryBox
        cell={{ rowKind, rowKey: row.key, columnKind: column.kind, columnKey: column.key }}
        value={current.map((s) => s.body).join('\n\n')}
        label={`Summary of ${row.label} × ${column.label}`}
        testId="cell-summary"
      />
      {current.length > 1 && <p className="notice">Two texts were written in this cell in different copies; saving keeps what is in the box.</p>}
      {quotes.data && <Quotations items={quotes.data} />}
    </section>
  );
}
