import type { ExportedFile } from '../../shared/api/reports';
import { stopIfCancelled, type Progress } from '../../shared/progress';
import type { OutputGuard } from '../store/files';
import { breathe } from '../project/operations';
import { deliver, type Rendered } from './output';

// An export in stages for the progress bar: the report is rendered in memory,
// then written under a temporary name and renamed into place. A cancel is heard
// between the stages; one that comes after the temporary file is written removes
// it, so a cancelled export never leaves a file (partial or whole) behind.

export async function exportInStages<R extends Rendered>(
  progress: Progress,
  render: () => R | Promise<R>,
  path: string | undefined,
  guard: OutputGuard,
  /** what the first stage is called: 'computing' where the work is in the numbers rather than the file */
  first = 'rendering',
): Promise<{ file: ExportedFile; rendered: R }> {
  progress.report(first, 0, 2);
  await breathe();
  stopIfCancelled(progress);
  const rendered = await render();
  progress.report(path ? 'writing' : 'sending', 1, 2);
  await breathe();
  stopIfCancelled(progress);
  const file = deliver(rendered, path, guard, () => stopIfCancelled(progress));
  progress.report(path ? 'writing' : 'sending', 2, 2);
  return { file, rendered };
}
