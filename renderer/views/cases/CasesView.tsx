import { useState, type FormEvent } from 'react';
import type { Attribute, Case } from '../../../shared/types';
import { api } from '../../api';
import { useProject } from '../../store/project';
import { useUi } from '../../store/ui';
import { EditCell } from '../common/EditCell';
import { plural } from '../common/files';
import { useStableOrder } from '../common/stableOrder';
import { useFetch } from '../common/useFetch';
import { CaseSheetImport } from './CaseSheetImport';
import { DocumentCases } from './DocumentCases';
import { PairsImport } from './PairsImport';
import { PartnerCell, usePartners } from './PartnerCell';
import '../views.css';

const write = <T,>(fn: () => Promise<T>) => useProject.getState().write(fn);

/** Cases × attributes, edited in place; case-sheet import; which document belongs to which case. */
export function CasesView() {
  const { data, error } = useFetch('cases', async () => {
    const [cases, attributes, documents] = await Promise.all([api['cases.list']({}), api['cases.attributes']({}), api['documents.list']({})]);
    return { cases, attributes, documents };
  });
  return (
    <section className="view-scroll view-page" aria-labelledby="cases-heading">
      <h1 id="cases-heading" className="view-title">
        Cases
      </h1>
      <p className="muted">A case is a school, a person or a site; its attributes (continent, phase …) group the coding in reports.</p>
      {error && (
        <p className="view-error" role="alert">
          {error}
        </p>
      )}
      <div className="view-toolbar">
        <AddCase />
        <AddAttribute first={data?.cases[0] ?? null} />
        <CaseSheetImport />
        <PairsImport />
      </div>
      {data && <CaseTable cases={data.cases} attributes={data.attributes} />}
      {data && <DocumentCases documents={data.documents} cases={data.cases} />}
    </section>
  );
}

function CaseTable(props: { cases: Case[]; attributes: Attribute[] }) {
  // Cells are keyed by what they edit (never by value), in a stable order: a save while typing keeps the cell in place.
  const cases = useStableOrder(props.cases);
  const attributes = useStableOrder(props.attributes);
  const partners = usePartners();
  if (!cases.length) return <p className="pane-empty">No cases yet. Add one, or import a case sheet.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label="Cases and their attributes" data-testid="cases-table">
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Partner</th>
            {attributes.map((a) => (
              <th key={a.id} scope="col" className="attribute-head">
                <span className="attribute-head-inner">
                  <EditCell
                    value={a.name}
                    required
                    label={`Name of attribute ${a.name}`}
                    onCommit={async (name) => !!(await write(() => api['cases.renameAttribute']({ id: a.id, name })))}
                  />
                  <button
                    type="button"
                    className="icon-button row-delete"
                    aria-label={`Delete attribute ${a.name}`}
                    title="Delete attribute"
                    onClick={() => void askDeleteAttribute(a)}
                  >
                    ✕
                  </button>
                </span>
              </th>
            ))}
            <th scope="col" className="num">
              Documents
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <EditCell
                  value={c.name}
                  required
                  label={`Name of case ${c.name}`}
                  onCommit={async (name) => !!(await write(() => api['cases.rename']({ id: c.id, name })))}
                />
              </th>
              <td>
                <PartnerCell c={c} cases={cases} partners={partners} />
              </td>
              {attributes.map((a) => {
                const value = c.attributes[a.name] ?? '';
                return (
                  <td key={a.id}>
                    <EditCell
                      value={value}
                      label={`${a.name} of ${c.name}`}
                      onCommit={async (v) => !!(await write(() => api['cases.setAttribute']({ caseId: c.id, attribute: a.name, value: v })))}
                    />
                  </td>
                );
              })}
              <td className="num">{c.documents}</td>
              <td>
                <button type="button" className="icon-button row-delete" aria-label={`Delete case ${c.name}`} title="Delete case" onClick={() => askDelete(c)}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function askDeleteAttribute(a: Attribute): Promise<void> {
  const use = await api['cases.attributeUse']({ id: a.id }).catch((e: unknown) => void useProject.getState().report(e));
  if (!use) return;
  useUi.getState().ask({
    title: `Delete attribute “${a.name}”?`,
    detail: `${use.cases ? `${plural(use.cases, 'case')} lose${use.cases === 1 ? 's' : ''} a value for it. ` : 'No case has a value for it. '}You can undo it.`,
    action: 'Delete attribute',
    run: async () => void (await write(() => api['cases.deleteAttribute']({ id: a.id }))),
  });
}

function askDelete(c: Case): void {
  useUi.getState().ask({
    title: `Delete case “${c.name}”?`,
    detail: `${c.documents ? `Its ${plural(c.documents, 'document')} stay in the project without a case. ` : ''}Its attribute values go with it. You can undo it.`,
    action: 'Delete case',
    run: async () => void (await write(() => api['cases.delete']({ id: c.id }))),
  });
}

/** A one-line form: a text box and a button, cleared after a successful save. */
function OneLine({
  label,
  button,
  placeholder,
  disabled,
  hint,
  save,
}: {
  label: string;
  button: string;
  placeholder: string;
  disabled?: boolean;
  hint?: string;
  save: (v: string) => Promise<boolean>;
}) {
  const [value, setValue] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    if (v && (await save(v))) setValue('');
  };
  return (
    <form className="one-line" onSubmit={(e) => void submit(e)} title={hint}>
      <input aria-label={label} placeholder={placeholder} value={value} disabled={disabled} onChange={(e) => setValue(e.currentTarget.value)} />
      <button type="submit" disabled={disabled || !value.trim()}>
        {button}
      </button>
    </form>
  );
}

function AddCase() {
  return (
    <OneLine label="New case name" button="Add case" placeholder="New case name" save={async (name) => !!(await write(() => api['cases.create']({ name })))} />
  );
}

/** An attribute exists once any case has it, so a new one is set (empty) on the first case. */
function AddAttribute({ first }: { first: Case | null }) {
  return (
    <OneLine
      label="New attribute name"
      button="Add attribute"
      placeholder="New attribute, e.g. phase"
      disabled={!first}
      hint={first ? undefined : 'Add a case first'}
      save={async (attribute) => !!first && !!(await write(() => api['cases.setAttribute']({ caseId: first.id, attribute, value: '' })))}
    />
  );
}
