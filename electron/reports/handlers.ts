import type { HandlerGroup } from '../project/handler';
import { caseCrosstab, crosstabTable } from './crosstab';
import { codeCoderCounts, codeCooccurrence } from './cooccurrence';
import { codeMatrix, matrixTable } from './matrix';
import { exportProjectQdpxInStages, importCodebookQdc, importProjectQdpx, renderCodebookQdc } from '../refi/refi';
import { renderSegments } from './reports';
import { renderCodebook } from './codebook';
import { exportInStages } from './staged';
import { runOperation } from '../project/operations';
import { renderTable } from './tables';
import type { Rendered } from './output';
import { adopt, projectFilePath, requireProject, type Session } from '../project/session';

/** The open project and its backups are never an export's target; another file only when the user said replace. */
const guard = (s: Session, i: { overwrite?: boolean }) => ({ overwrite: i.overwrite, project: s.project?.path });

/** An export under the caller's operation id: stages reported, cancellable, never a partial file. */
const staged = (s: Session, i: { path?: string; overwrite?: boolean; operation?: string }, render: () => Promise<Rendered> | Rendered) =>
  runOperation(s, i.operation, async (progress) => (await exportInStages(progress, render, i.path, guard(s, i))).file);

type ReportMethods =
  | 'reports.exportSegments'
  | 'reports.matrix'
  | 'reports.exportMatrix'
  | 'reports.crosstab'
  | 'reports.exportCrosstab'
  | 'reports.cooccurrence'
  | 'reports.codeCoder'
  | 'reports.exportCodebook'
  | 'refi.exportProject'
  | 'refi.importProject'
  | 'refi.importCodebook';

export const reportsHandlers: HandlerGroup<ReportMethods> = {
  'reports.exportSegments': (s, i) => staged(s, i, () => renderSegments(requireProject(s), i.filter, i.format, { title: i.title, groupBy: i.groupBy })),
  'reports.matrix': (s, i) => codeMatrix(requireProject(s), i),
  'reports.exportMatrix': (s, i) => {
    const p = requireProject(s);
    return staged(s, i, () => renderTable(matrixTable(p, codeMatrix(p, i)), i.format));
  },
  'reports.crosstab': (s, i) => caseCrosstab(requireProject(s), i.rows, i.cols),
  'reports.exportCrosstab': (s, i) => {
    const p = requireProject(s);
    return staged(s, i, () => renderTable(crosstabTable(p, caseCrosstab(p, i.rows, i.cols), i.rows, i.cols), i.format));
  },
  'reports.cooccurrence': (s, i) => codeCooccurrence(requireProject(s), i.unit, i.filter),
  'reports.codeCoder': (s, i) => codeCoderCounts(requireProject(s), i.filter),
  'reports.exportCodebook': (s, i) => {
    const p = requireProject(s);
    return staged(s, i, () => (i.format === 'qdc' ? renderCodebookQdc(p) : renderCodebook(p, i.format)));
  },
  'refi.exportProject': (s, i) =>
    runOperation(s, i.operation, async (progress) => {
      const p = requireProject(s);
      const { file, rendered } = await exportInStages(progress, () => exportProjectQdpxInStages(p, i.target, progress), i.path, guard(s, i));
      return { ...file, renamed: rendered.renamed, adapted: rendered.adapted };
    }),
  'refi.importProject': (s, i) =>
    runOperation(s, i.operation, async (progress) => {
      const source = i.file ? { name: i.file.name, bytes: Buffer.from(i.file.data, 'base64') } : { path: i.path! };
      const { project, report } = await importProjectQdpx(source, projectFilePath(s, i.target), { nativeBinding: s.nativeBinding, progress });
      adopt(s, project);
      return report;
    }),
  'refi.importCodebook': (s, i) =>
    importCodebookQdc(requireProject(s), i.file ? { name: i.file.name, bytes: Buffer.from(i.file.data, 'base64') } : { path: i.path! }),
};
