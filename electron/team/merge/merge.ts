import { basename, resolve } from 'node:path';
import { MERGE_KINDS, type MergeCounts, type MergeFileReport, type MergeKind, type MergeReport } from '../../../shared/api/team';
import { backupProject } from '../../store/backup';
import { forgetHistory } from '../../store/history';
import type { Project } from '../../store/db';
import { InputError } from '../../../shared/errors';
import { applyOps, type WriteStep } from './apply';
import { loggedAliases, parseReport, readLogRows, writeLogRow, type LogReport } from './log';
import { readTables } from './model';
import { emptyKindCounts, planCopy, type MergeState } from './plan';
import { loadSnapshot } from './snapshot';
import { fileIdentity, readCopy, refuseMaster, type CopyFile } from './source';
import { projectRow } from '../../project/project';
import { breathe, writeInSteps } from '../../project/operations';
import { stopIfCancelled, type Progress } from '../../../shared/progress';

// Merging coders' copies (or any Fieldcode projects) into the open master.
// 1. Each file is read into memory, checked and planned against the master in
//    turn (merge-plan.ts): nothing is written while any file can still be refused.
// 2. A dry run stops here with the report of what would change.
// 3. Otherwise the master is backed up (when anything changes) and every planned
//    write plus one merge-log row per file go in as ONE transaction: a failure or
//    a kill half-way leaves the master as it was. The copies are never written.
//    The transaction is stepped (project/operations.ts writeInSteps): a cancel is
//    heard between chunks of rows and rolls it back.
// A file whose exact bytes (SHA-256) were merged before is not compared again: by
// the merge rules it cannot change anything; one not even written since (the same
// identity on disk, as in git's index) is not read again. Pass `force` to read and
// compare every file row by row anyway.

export interface MergeOptions {
  dryRun?: boolean;
  /** compare files already merged (same SHA-256) again, row by row */
  force?: boolean;
  /** one 'reading' event per copy, 'writing' events inside the transaction; a cancel rolls it back */
  progress?: Progress;
  /** between writes inside the transaction; a test throws here to crash the merge half-way */
  onWrite?: WriteStep;
  nativeBinding?: string;
}

function addCounts(into: Record<MergeKind, MergeCounts>, from: Record<MergeKind, MergeCounts>): void {
  for (const k of MERGE_KINDS) for (const f of ['new', 'updated', 'deleted', 'unchanged', 'conflicts'] as const) into[k][f] += from[k][f];
}

function changeMarker(p: Project): string {
  return `${p.db.prepare('SELECT total_changes()').pluck().get()}/${p.db.pragma('data_version', { simple: true })}`;
}

export async function merge(master: Project, paths: string[], opts: MergeOptions = {}): Promise<MergeReport> {
  if (master.readonly) throw new InputError(`${basename(master.path)}: the master is open read-only; open it for writing to merge into it`);
  if (paths.length === 0) throw new InputError('name at least one project file to merge');
  const me = projectRow(master);
  const logRows = readLogRows(master);
  const highWater = new Map<string, string>();
  for (const r of logRows) {
    const rep = parseReport(r);
    if (rep.highWater > (highWater.get(rep.origin) ?? '')) highWater.set(rep.origin, rep.highWater);
  }
  // The master's rows are read only once a file needs comparing (not when every file was merged before).
  let loaded: MergeState | null = null;
  const state = () => (loaded ??= { tables: readTables(master.db), aliases: loggedAliases(logRows), ops: [] });
  const marker = changeMarker(master);
  const files: MergeFileReport[] = [];
  const log: { file: CopyFile; projectId: string; counts: Record<MergeKind, MergeCounts>; report: LogReport }[] = [];
  const seen = new Map<string, { mergedAt: string; projectId: string; report: LogReport }>();
  const known = new Map<string, string>(); // file identity on disk → SHA-256 merged
  for (const r of logRows) {
    const report = parseReport(r);
    seen.set(r.sha256, { mergedAt: r.merged_at, projectId: r.project_id, report });
    if (report.identity) known.set(report.identity, r.sha256);
  }

  // A file merged before and not written since (same identity on disk) is not read again.
  const recall = (path: string): Promise<CopyFile> | null => {
    const identity = opts.force ? null : fileIdentity(path);
    const sha256 = identity ? known.get(identity) : undefined;
    if (!identity || !sha256) return null;
    refuseMaster(master, path);
    return Promise.resolve({ path: resolve(path), file: basename(path), sha256, bytes: Buffer.alloc(0), wal: null, identity });
  };

  // Files are read (and hashed) two ahead of the one being planned.
  const reads = paths.map(() => null as Promise<CopyFile> | null);
  const read = (i: number) => {
    if (i >= paths.length || reads[i]) return;
    const pending = recall(paths[i]) ?? readCopy(master, paths[i]);
    pending.catch(() => undefined);
    reads[i] = pending;
  };
  read(0);
  read(1);
  for (let i = 0; i < paths.length; i++) {
    read(i + 2);
    opts.progress?.report('reading', i, paths.length, basename(paths[i]));
    const copy = await reads[i]!;
    reads[i] = null;
    // A cancel is read here, between copies; nothing has been written yet.
    await breathe();
    stopIfCancelled(opts.progress);
    const before = seen.get(copy.sha256);
    if (before && !opts.force) {
      copy.bytes = Buffer.alloc(0);
      const rep = before.report;
      files.push({
        file: copy.file,
        path: copy.path,
        projectId: before.projectId,
        sha256: copy.sha256,
        coder: rep.coder,
        madeAt: rep.madeAt,
        alreadyMerged: before.mergedAt,
        counts: emptyKindCounts(),
        conflicts: [],
      });
      log.push({ file: copy, projectId: before.projectId, counts: emptyKindCounts(), report: { ...rep, identity: copy.identity, aliases: {}, conflicts: [] } });
      continue;
    }
    const snap = loadSnapshot(copy, me.codebook, state().tables, state().aliases.documents, opts.nativeBinding);
    copy.bytes = Buffer.alloc(0);
    const ours = snap.origin && snap.origin.projectId === me.id ? snap.origin : null;
    const origin = ours ? `copy:${ours.projectId}/${ours.coderId}/${ours.madeAt}` : `project:${snap.project.id}`;
    const since = [ours?.madeAt ?? '', highWater.get(origin) ?? ''].sort().pop() || null;
    const plan = planCopy(state(), snap, since);
    if (plan.highWater > (highWater.get(origin) ?? '')) highWater.set(origin, plan.highWater);
    const report: LogReport = {
      coder: snap.origin?.coder ?? null,
      madeAt: snap.origin?.madeAt ?? null,
      origin,
      highWater: highWater.get(origin) ?? '',
      identity: copy.identity,
      aliases: plan.aliases,
      conflicts: plan.conflicts,
    };
    files.push({
      file: copy.file,
      path: copy.path,
      projectId: snap.project.id,
      sha256: copy.sha256,
      coder: report.coder,
      madeAt: report.madeAt,
      alreadyMerged: before?.mergedAt ?? null,
      counts: plan.counts,
      conflicts: plan.conflicts,
    });
    log.push({ file: copy, projectId: snap.project.id, counts: plan.counts, report });
    seen.set(copy.sha256, { mergedAt: 'earlier in this merge', projectId: snap.project.id, report });
  }

  const totals = emptyKindCounts();
  for (const f of files) addCounts(totals, f.counts);
  const ops = (loaded as MergeState | null)?.ops ?? [];
  const changed = ops.length > 0;
  const result: MergeReport = {
    dryRun: !!opts.dryRun,
    files,
    totals,
    conflicts: MERGE_KINDS.reduce((n, k) => n + totals[k].conflicts, 0),
    changed,
    backup: null,
  };
  opts.progress?.report('reading', paths.length, paths.length);
  if (opts.dryRun) return result;

  stopIfCancelled(opts.progress);
  if (changed) result.backup = await backupProject(master, 'before merge');
  await writeInSteps(master, opts.progress, async (next) => {
    // Checked inside the transaction: other calls ran while the files were read (and while the merge waited for the session).
    if (changeMarker(master) !== marker) throw new InputError(`${basename(master.path)}: the project changed while the merge was being prepared; merge again`);
    const step: WriteStep = (kind, done, total) => {
      if (done % 1000 === 0) {
        opts.progress?.report('writing', done, total, kind);
        // Thrown inside the transaction: the master rolls back to what it was.
        stopIfCancelled(opts.progress);
      }
      opts.onWrite?.(kind, done, total);
    };
    await applyOps(master, ops, step, next);
    await next();
    const at = master.now();
    for (const entry of log) {
      writeLogRow(
        master,
        { id: master.newId(), file_name: entry.file.file, project_id: entry.projectId, sha256: entry.file.sha256, merged_at: at },
        entry.counts,
        entry.report,
      );
    }
    // Undoing a step from before the merge would write back rows older than what it brought in.
    // Forgotten inside the transaction, so a cancelled merge keeps the undo steps.
    if (changed) forgetHistory(master);
  });
  return result;
}

/** What merging would change, without changing anything. */
export function mergePreview(master: Project, paths: string[], opts: Omit<MergeOptions, 'dryRun'> = {}): Promise<MergeReport> {
  return merge(master, paths, { ...opts, dryRun: true });
}

export { mergeLog } from './log';
