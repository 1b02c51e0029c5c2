import type { ImportReport } from '../../../shared/api';
import type { DocumentKind } from '../../../shared/types';
import { api } from '../../api';
import { attempt } from '../common/attempt';
import { fileToBase64 } from '../common/files';
import { CANCELLED_MESSAGE } from '../../../shared/progress';
import { wasCancelled, type LocalSteps } from '../common/useOperation';

// The files go in one call, one transaction, so Cancel (or a failure) leaves the
// project exactly as it was; the progress bar moves with the core's events, per
// file. Only a selection beyond BATCH_BYTES is split, so one request never holds
// hundreds of megabytes twice; a cancel then keeps the batches already written.

export const ACCEPT = '.txt,.docx,.vtt,.srt,.md';
const BATCH_BYTES = 64 * 1024 * 1024;

export interface FileResult {
  file: string;
  status: 'imported' | 'duplicate' | 'failed';
  detail: string;
}

export interface ImportOptions {
  kind?: DocumentKind;
  caseName?: string;
  /** after each batch: files done so far and what happened to them */
  onProgress: (done: number, results: FileResult[]) => void;
  /** checked between batches */
  stopped: () => boolean;
  /** runs one batch's call under a new operation id (useOperation), so it can be followed and cancelled */
  run: <T>(work: (operation: string, local: LocalSteps) => Promise<T>) => Promise<T>;
}

/** Groups files into batches of at most BATCH_BYTES (one batch for any ordinary selection). */
export function batchesOf(files: readonly File[]): File[][] {
  const out: File[][] = [];
  let batch: File[] = [];
  let bytes = 0;
  for (const f of files) {
    if (batch.length && bytes + f.size > BATCH_BYTES) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(f);
    bytes += f.size;
  }
  if (batch.length) out.push(batch);
  return out;
}

export function resultsOf(r: ImportReport): FileResult[] {
  return [
    ...r.imported.map<FileResult>((i) => ({ file: i.file, status: 'imported', detail: `as “${i.name}”, ${i.turns} speaker turn${i.turns === 1 ? '' : 's'}` })),
    ...r.duplicates.map<FileResult>((d) => ({ file: d.file, status: 'duplicate', detail: `the same text as “${d.existing}”, not imported again` })),
    ...r.failed.map<FileResult>((f) => ({ file: f.file, status: 'failed', detail: f.reason })),
  ];
}

/**
 * Imports the files batch by batch; a batch that fails as a whole lists each of its files with the reason.
 * `cancelled` says a cancel stopped it: that batch was rolled back, earlier ones (if any) were kept.
 */
export async function importInBatches(files: readonly File[], opts: ImportOptions): Promise<{ cancelled: boolean }> {
  let done = 0;
  for (const batch of batchesOf(files)) {
    if (opts.stopped()) return { cancelled: false };
    const results: FileResult[] = [];
    // The whole batch is one operation: Cancel works while the page is still reading the files.
    const r = await opts.run(async (operation, local): Promise<{ ok?: ImportReport | null; error?: string }> => {
      const ready: { name: string; data: string }[] = [];
      for (const [i, f] of batch.entries()) {
        local.report('preparing', i, batch.length, f.name);
        if (local.cancelled()) return { error: CANCELLED_MESSAGE };
        try {
          ready.push({ name: f.name, data: await fileToBase64(f) });
        } catch {
          results.push({ file: f.name, status: 'failed', detail: 'the file could not be read (was it moved or deleted?)' });
        }
      }
      if (!ready.length) return { ok: null };
      const sent = await attempt(() => api['documents.import']({ files: ready, kind: opts.kind, caseName: opts.caseName || undefined, operation }));
      const error = sent.error;
      if (error !== undefined && !wasCancelled(error)) results.push(...ready.map<FileResult>((f) => ({ file: f.name, status: 'failed', detail: error })));
      return sent;
    });
    if (wasCancelled(r.error)) return { cancelled: true };
    if (r.ok) results.push(...resultsOf(r.ok));
    done += batch.length;
    opts.onProgress(done, results);
  }
  return { cancelled: false };
}
