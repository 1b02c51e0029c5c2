import { z } from 'zod';
import { OPERATION_ID } from '../progress';
import { returns } from './method';

/** The id a caller gives a long operation, to follow its progress and cancel it (shared/progress.ts). */
export const operation = z.string().regex(OPERATION_ID, 'must be 1–64 letters, digits, - or _');

export const operationsApi = {
  /** Asks a running operation to stop; `cancelled` is false when no operation has that id (already finished). */
  'operation.cancel': returns<{ cancelled: boolean }>()(z.object({ operation })),
};
