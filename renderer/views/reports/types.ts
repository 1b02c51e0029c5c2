import type { Client } from '../../../shared/api';
import type { reportsApi } from '../../../shared/api/reports';

/** The methods the Reports view calls; the app passes its client (renderer/api.ts). */
export type ReportsClient = Pick<
  Client,
  keyof typeof reportsApi | 'codes.list' | 'cases.list' | 'cases.attributes' | 'coders.list' | 'documents.list' | 'team.agreement'
>;

/**
 * Where an export goes. Under Electron the shell's save dialog returns an absolute
 * path (the main process writes the file there); without one (browser mode) the
 * bytes come back and download.
 */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;
