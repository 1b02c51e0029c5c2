import type { Code } from '../../../shared/types';
import { api } from '../../api';
import { useCodebook } from '../../store/codebook';
import { useProject } from '../../store/project';
import { useUi } from '../../store/ui';

/** Asks before deleting a code, saying how many codes and segments it takes with it. */
export async function askDeleteCode(c: Code): Promise<void> {
  const impact = await api['codes.impact']({ id: c.id }).catch((e: unknown) => void useProject.getState().report(e));
  if (!impact) return;
  useUi.getState().ask({
    title: `Delete “${c.name}”?`,
    detail: `This removes ${impact.codes} code${impact.codes === 1 ? '' : 's'} and ${impact.segments} coded segment${impact.segments === 1 ? '' : 's'}. You can undo it.`,
    action: 'Delete',
    run: () => useCodebook.getState().remove(c.id),
  });
}
