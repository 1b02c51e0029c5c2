import type { HandlerGroup } from '../project/handler';
import { requireProject } from '../project/session';
import type { ParsedInput } from '../../shared/api';
import type { Progress } from '../../shared/progress';
import { runOperation } from '../project/operations';
import type { Rendered } from '../reports/output';
import { exportInStages } from '../reports/staged';
import type { Project } from '../project/project';
import { renderDraftsZip } from './drafts';
import { caseStudies } from './case-study';
import { renderCaseStudy, renderGroups, renderMatrix, renderPairMatrix } from './export';
import { groupSummaries } from './groups';
import { cellQuotations, frameworkMatrix } from './matrix';
import { pairMatrix } from './pair-matrix';
import { importPairs, listPairs, setPair } from './pairs';
import { listSummaries, saveSummary } from './summaries';
import { builtInTemplate, chooseTemplate, chosenTemplate, deleteTemplate, findTemplate, listTemplates, saveTemplate } from './templates';
import { InputError } from '../../shared/errors';

type AnalysisMethods =
  | 'analysis.summaries'
  | 'analysis.saveSummary'
  | 'analysis.matrix'
  | 'analysis.cellQuotations'
  | 'analysis.pairs'
  | 'analysis.setPair'
  | 'analysis.importPairs'
  | 'analysis.pairMatrix'
  | 'analysis.templates'
  | 'analysis.saveTemplate'
  | 'analysis.deleteTemplate'
  | 'analysis.defaultTemplate'
  | 'analysis.chosenTemplate'
  | 'analysis.chooseTemplate'
  | 'analysis.caseStudy'
  | 'analysis.groups'
  | 'analysis.export';

export const analysisHandlers: HandlerGroup<AnalysisMethods> = {
  'analysis.summaries': (s, i) => listSummaries(requireProject(s), i.search),
  'analysis.saveSummary': (s, i) => saveSummary(requireProject(s), i, i.body),
  'analysis.matrix': (s, i) => frameworkMatrix(requireProject(s), i),
  'analysis.cellQuotations': (s, i) => cellQuotations(requireProject(s), i.rowKind, i.rowKey, i.codeIds, !!i.descendants),
  'analysis.pairs': (s) => listPairs(requireProject(s)),
  'analysis.setPair': (s, i) => setPair(requireProject(s), i.caseId, i.partnerId),
  'analysis.importPairs': (s, i) => importPairs(requireProject(s), i.name, Buffer.from(i.data, 'base64')),
  'analysis.pairMatrix': (s, i) => pairMatrix(requireProject(s), i),
  'analysis.templates': (s) => listTemplates(requireProject(s)),
  'analysis.saveTemplate': (s, i) => saveTemplate(requireProject(s), i),
  'analysis.deleteTemplate': (s, i) => deleteTemplate(requireProject(s), i.id),
  'analysis.defaultTemplate': (s) => builtInTemplate(requireProject(s)),
  'analysis.chosenTemplate': (s) => chosenTemplate(requireProject(s)),
  'analysis.chooseTemplate': (s, i) => chooseTemplate(requireProject(s), i.id),
  'analysis.caseStudy': (s, i) => {
    const p = requireProject(s);
    return caseStudies(p, [i.caseId], findTemplate(p, i.templateId), i.quotationsPerCode)[0];
  },
  'analysis.groups': (s, i) => groupSummaries(requireProject(s), i),
  'analysis.export': (s, i) => {
    const p = requireProject(s);
    // Never over the open project or its backups; over another file only when the user said replace.
    const guard = { overwrite: i.overwrite, project: s.project?.path };
    return runOperation(s, i.operation, async (progress) => (await exportInStages(progress, () => renderAnalysis(p, i, progress), i.path, guard)).file);
  },
};

function renderAnalysis(p: Project, i: ParsedInput<'analysis.export'>, progress: Progress): Promise<Rendered> {
  if (i.what === 'matrix') {
    if (!i.matrix) throw new InputError('say which framework matrix to export');
    return renderMatrix(p, i.matrix, i.format);
  }
  if (i.what === 'pairMatrix') return renderPairMatrix(p, i.pairMatrix ?? {}, i.format);
  if (i.what === 'groups') return renderGroups(p, { by: i.by ?? [] }, i.format);
  if (i.what === 'caseStudies') {
    if (i.format === 'xlsx') throw new InputError('case-study drafts cannot be written as xlsx (use docx or md)');
    return renderDraftsZip(p, i.caseIds, i.format, i.templateId, progress);
  }
  if (!i.caseId) throw new InputError('say which case to write the case study of');
  return renderCaseStudy(p, i.caseId, i.templateId, i.format);
}
