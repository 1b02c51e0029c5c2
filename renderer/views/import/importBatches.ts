import type { ImportReport } from '../../../shared/api';
import type { DocumentKind } from '../../../shared/types';
import { api } from '../../api';
import { attempt } from '../common/attempt';
import { fileToBase64 } from '../common/files';

// Files are sent a few at a time so the progress bar moves and one huge batch
// never holds everything in memory twice. Each batch is one write.

export const ACCEPT = '.txt,.docx,.vtt,.srt,.md';
const BATCH_FILES = 5;
const BATCH_BYTES = 8 * 1024 * 1024;

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
}

/** Groups files into batches of a few files or a few megabytes. */
export function batchesOf(files: readonly File[]): File[][] {
  const out: File[][] = [];
  let batch: File[] = [];
  let bytes = 0;
  for (const f of files) {
    if (batch.length && (batch.length >= BATCH_FILES || bytes + f.size > BATCH_BYTES)) {
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

/** Imports the files batch by batch; a batch that fails as a whole lists each of its files with the reason. */
export async function importInBatches(files: readonly File[], opts: ImportOptions): Promise<void> {
  let done = 0;
  for (const batch of batchesOf(files)) {
    if (opts.stopped()) return;
    const results: FileResult[] = [];
    const ready: { name: string; data: string }[] = [];
    for (const f of batch) {
      try {
        ready.push({ name: f.name, data: await fileToBase64(f) });
      } catch {
        results.push({ file: f.name, status: 'failed', detail: 'the file could not be read (was it moved or deleted?)' });
      }
    }
    if (ready.length) {
      const r = await attempt(() => api['documents.import']({ files: ready, kind: opts.kind, caseName: opts.caseName || undefined }));
      if (r.ok) results.push(...resultsOf(r.ok));
      else results.push(...ready.map<FileResult>((f) => ({ file: f.name, status: 'failed', detail: r.error })));
    }
    done += batch.length;
    opts.onProgress(done, results);
  }
}
