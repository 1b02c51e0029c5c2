import type { HandlerGroup } from '../project/handler';
import { requireProject } from '../project/session';
import { deliver } from '../reports/output';
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
  'analysis.export': async (s, i) => {
    const p = requireProject(s);
    if (i.what === 'matrix') {
      if (!i.matrix) throw new InputError('say which framework matrix to export');
      return deliver(await renderMatrix(p, i.matrix, i.format), i.path);
    }
    if (i.what === 'pairMatrix') return deliver(await renderPairMatrix(p, i.pairMatrix ?? {}, i.format), i.path);
    if (i.what === 'groups') return deliver(await renderGroups(p, { by: i.by ?? [] }, i.format), i.path);
    if (!i.caseId) throw new InputError('say which case to write the case study of');
    return deliver(await renderCaseStudy(p, i.caseId, i.templateId, i.format), i.path);
  },
};
