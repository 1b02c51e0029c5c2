import type { HandlerGroup } from '../project/handler';
import { caseCrosstab, crosstabTable } from './crosstab';
import { codeCoderCounts, codeCooccurrence } from './cooccurrence';
import { codeMatrix, matrixTable } from './matrix';
import { exportProjectQdpx, importCodebookQdc, importProjectQdpx, renderCodebookQdc } from '../refi/refi';
import { renderSegments } from './reports';
import { renderCodebook } from './codebook';
import { deliver } from './output';
import { renderTable } from './tables';
import { adopt, projectFilePath, requireProject, type Session } from '../project/session';

/** The open project and its backups are never an export's target; another file only when the user said replace. */
const guard = (s: Session, i: { overwrite?: boolean }) => ({ overwrite: i.overwrite, project: s.project?.path });

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
  'reports.exportSegments': async (s, i) =>
    deliver(await renderSegments(requireProject(s), i.filter, i.format, { title: i.title, groupBy: i.groupBy }), i.path, guard(s, i)),
  'reports.matrix': (s, i) => codeMatrix(requireProject(s), i),
  'reports.exportMatrix': async (s, i) => {
    const p = requireProject(s);
    return deliver(await renderTable(matrixTable(p, codeMatrix(p, i)), i.format), i.path, guard(s, i));
  },
  'reports.crosstab': (s, i) => caseCrosstab(requireProject(s), i.rows, i.cols),
  'reports.exportCrosstab': async (s, i) => {
    const p = requireProject(s);
    return deliver(await renderTable(crosstabTable(p, caseCrosstab(p, i.rows, i.cols), i.rows, i.cols), i.format), i.path, guard(s, i));
  },
  'reports.cooccurrence': (s, i) => codeCooccurrence(requireProject(s), i.unit, i.filter),
  'reports.codeCoder': (s, i) => codeCoderCounts(requireProject(s), i.filter),
  'reports.exportCodebook': async (s, i) => {
    const p = requireProject(s);
    return deliver(i.format === 'qdc' ? renderCodebookQdc(p) : await renderCodebook(p, i.format), i.path, guard(s, i));
  },
  'refi.exportProject': (s, i) => {
    const r = exportProjectQdpx(requireProject(s), i.target);
    return { ...deliver(r, i.path, guard(s, i)), renamed: r.renamed, adapted: r.adapted };
  },
  'refi.importProject': async (s, i) => {
    const source = i.file ? { name: i.file.name, bytes: Buffer.from(i.file.data, 'base64') } : { path: i.path! };
    const { project, report } = await importProjectQdpx(source, projectFilePath(s, i.target), {
      nativeBinding: s.nativeBinding,
    });
    adopt(s, project);
    return report;
  },
  'refi.importCodebook': (s, i) =>
    importCodebookQdc(requireProject(s), i.file ? { name: i.file.name, bytes: Buffer.from(i.file.data, 'base64') } : { path: i.path! }),
};
