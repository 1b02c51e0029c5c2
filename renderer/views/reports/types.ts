import type { Client } from '../../../shared/api';

/** The methods the Reports view calls; the app passes its client (renderer/api.ts). */
export type ReportsClient = Pick<
  Client,
  | 'codes.list'
  | 'cases.list'
  | 'cases.attributes'
  | 'coders.list'
  | 'documents.list'
  | 'reports.exportSegments'
  | 'reports.matrix'
  | 'reports.exportMatrix'
  | 'reports.crosstab'
  | 'reports.exportCrosstab'
  | 'reports.cooccurrence'
  | 'reports.codeCoder'
  | 'reports.exportCodebook'
  | 'team.agreement'
  | 'refi.exportProject'
  | 'refi.importProject'
  | 'refi.importCodebook'
>;

/**
 * Where an export goes. A shell that can offer a save dialog returns an absolute
 * path (the main process writes the file there); without one — the app today,
 * under Electron and in browser mode alike — the bytes come back and download.
 */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;
