import type { Project } from '../../electron/store/db';
import { importFiles } from '../../electron/documents/import';

export const FOCUS_GROUP = [
  'Facilitator: What changed in your teaching since the partnership began?',
  'Mrs Achieng: We plan lessons together with our partner school in Leeds now.',
  'Mr Otieno: I learnt to teach science with fewer resources, using the school garden.',
  'Facilitator: And the students?',
  'Mrs Achieng: They write letters to their friends in England and ask about the weather there.',
].join('\n');

/** Imports one short focus group and returns its document id. */
export async function importFocusGroup(p: Project, name = 'Focus group - Teachers, Kisumu.txt'): Promise<string> {
  const report = await importFiles(p, [{ name, bytes: new TextEncoder().encode(FOCUS_GROUP) }]);
  if (report.imported.length !== 1) throw new Error(`import failed: ${JSON.stringify(report)}`);
  return report.imported[0].documentId;
}

export function at(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { start, end: start + quote.length };
}
