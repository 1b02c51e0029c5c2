import { SAMPLE } from '../../shared/sample';
import { findCaseByName } from '../store/cases';
import { resolveCodePath } from '../store/codes';
import type { Project } from '../store/db';
import { importPairs } from './pairs';
import { saveSummary } from './summaries';

/** The sample's pairs (from the case sheet's partner column) and summaries, so the Analysis views show something at once. */
export async function addSampleAnalysis(p: Project, casesCsv: Uint8Array): Promise<void> {
  await importPairs(p, 'cases.csv', casesCsv);
  for (const s of SAMPLE.summaries ?? []) {
    const c = findCaseByName(p, s.caseName);
    if (!c) continue;
    const [kind, key] = [s.column.slice(0, s.column.indexOf(':')), s.column.slice(s.column.indexOf(':') + 1)];
    const columnKey = kind === 'code' ? resolveCodePath(p, key).id : key;
    saveSummary(p, { rowKind: 'case', rowKey: c.id, columnKind: kind === 'code' ? 'code' : 'section', columnKey }, s.text);
  }
}
