import { MERGE_KINDS, type MergeCounts, type MergeKind, type MergeReport } from '../../../shared/api/team';

const KIND_LABEL: Record<MergeKind, string> = {
  coders: 'coders',
  cases: 'cases',
  attributes: 'attributes',
  attributeValues: 'attribute values',
  documents: 'documents',
  codes: 'codes',
  segments: 'coded segments',
  anchors: 'anchor examples',
  memos: 'memos',
  summaries: 'summaries',
  templates: 'case-study templates',
  pairs: 'partner pairs',
};
const COLUMNS: (keyof MergeCounts)[] = ['new', 'updated', 'deleted', 'unchanged', 'conflicts'];

const PLURAL: Record<MergeKind, [string, string]> = {
  coders: ['coder', 'coders'],
  cases: ['case', 'cases'],
  attributes: ['attribute', 'attributes'],
  attributeValues: ['attribute value', 'attribute values'],
  documents: ['document', 'documents'],
  codes: ['code', 'codes'],
  segments: ['coded segment', 'coded segments'],
  anchors: ['anchor example', 'anchor examples'],
  memos: ['memo', 'memos'],
  summaries: ['summary', 'summaries'],
  templates: ['case-study template', 'case-study templates'],
  pairs: ['partner pair', 'partner pairs'],
};

/** "2 new coders and 3 new coded segments; no conflicts." */
function headline(r: MergeReport): string {
  if (!r.changed)
    return r.dryRun ? 'Nothing would change: everything in these files is already here.' : 'Nothing changed: everything in these files was already here.';
  const count = (k: MergeKind, n: number, adjective: string) => `${n} ${adjective} ${PLURAL[k][n === 1 ? 0 : 1]}`;
  const parts = [
    ...MERGE_KINDS.filter((k) => r.totals[k].new > 0).map((k) => count(k, r.totals[k].new, 'new')),
    ...MERGE_KINDS.filter((k) => r.totals[k].updated > 0).map((k) => count(k, r.totals[k].updated, 'changed')),
  ];
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? 'changes');
  const conflicts = r.conflicts ? `${r.conflicts} conflict${r.conflicts === 1 ? '' : 's'} (listed below)` : 'no conflicts';
  return `${r.dryRun ? 'A merge would bring in' : 'Merged:'} ${list}; ${conflicts}.`;
}

/** What a merge brought in (or would), per file and kind, and every conflict with the version kept. */
export function MergeReportView({ report }: { report: MergeReport }) {
  const kinds = MERGE_KINDS.filter((k) => COLUMNS.some((c) => c !== 'unchanged' && report.totals[k][c] > 0) || report.totals[k].unchanged > 0);
  return (
    <div className="merge-report" data-testid={report.dryRun ? 'merge-preview' : 'merge-report'}>
      <p className={report.dryRun ? 'view-summary' : 'view-done'} role="status">
        {headline(report)}
      </p>
      {report.backup && <p className="muted">Backup before the merge: {report.backup}</p>}
      <ul className="merge-files">
        {report.files.map((f) => (
          <li key={f.path}>
            <strong>{f.file}</strong>{' '}
            {f.coder ? `— coder copy for ${f.coder}${f.madeAt ? `, made ${new Date(f.madeAt).toLocaleDateString()}` : ''}` : '— another project'}
            {f.alreadyMerged && <span className="tag"> already merged {new Date(f.alreadyMerged).toLocaleString()}</span>}
          </li>
        ))}
      </ul>
      {kinds.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" aria-label={report.dryRun ? 'What a merge would change' : 'What the merge changed'}>
            <thead>
              <tr>
                <th scope="col">What</th>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col" className="num">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {kinds.map((k) => (
                <tr key={k}>
                  <th scope="row">{KIND_LABEL[k]}</th>
                  {COLUMNS.map((c) => (
                    <td key={c} className="num">
                      {report.totals[k][c]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.files.some((f) => f.conflicts.length > 0) && (
        <section aria-label="Conflicts">
          <h4>Conflicts</h4>
          <ul className="conflicts">
            {report.files.flatMap((f) =>
              f.conflicts.map((c, i) => (
                <li key={`${f.path}:${i}`}>
                  <strong>{c.label}</strong> ({KIND_LABEL[c.kind]}, {f.file}): {c.reason.replace(/\.$/, '')}.
                  {c.fields.length > 0 && (
                    <span className="conflict-fields">
                      {c.fields.map((x) => `${x.field}: “${x.master ?? ''}” here, “${x.copy ?? ''}” in the copy`).join('; ')}
                    </span>
                  )}
                </li>
              )),
            )}
          </ul>
        </section>
      )}
    </div>
  );
}
