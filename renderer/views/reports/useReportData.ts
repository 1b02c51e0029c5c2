import { DOCUMENT_KINDS, PARTICIPANT_ROLES, type Attribute, type Case, type Code, type Coder } from '../../../shared/types';
import { treeOrder } from '../common/CodeSelect';
import { useFetch } from '../common/useFetch';
import type { ReportsClient } from './types';

export interface ReportData {
  /** in tree order */
  codes: Code[];
  attributes: Attribute[];
  cases: Case[];
  coders: Coder[];
  /** document kinds present in the project (all kinds while there are no documents) */
  kinds: string[];
  /** speaker names found in the transcripts, then the participant roles */
  speakers: string[];
  roles: string[];
  documents: number;
}

/**
 * What the pickers offer: codes, case attributes and cases, coders, kinds and
 * speakers. Fetched again after every write (undo, imports, another project).
 */
export function useReportData(client: ReportsClient): { data: ReportData | null; error: string | null } {
  const { data, error } = useFetch('reports-data', async (): Promise<ReportData> => {
    const [codes, attributes, cases, coders, documents] = await Promise.all([
      client['codes.list']({}),
      client['cases.attributes']({}),
      client['cases.list']({}),
      client['coders.list']({}),
      client['documents.list']({}),
    ]);
    const kinds = DOCUMENT_KINDS.filter((k) => documents.some((d) => d.kind === k));
    const speakers = [...new Set(documents.flatMap((d) => d.speakers))].sort((a, b) => a.localeCompare(b));
    return {
      codes: treeOrder(codes),
      attributes,
      cases,
      coders,
      kinds: kinds.length ? kinds : [...DOCUMENT_KINDS],
      speakers,
      roles: [...PARTICIPANT_ROLES],
      documents: documents.length,
    };
  });
  return { data, error };
}
