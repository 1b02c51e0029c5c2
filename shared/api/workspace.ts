import { z } from 'zod';
import { empty, id, returns } from './method';

// What each coder's workspace remembers inside the project file: which code each
// number key applies (exactly what the codebook's key badges show), and the
// document and scroll position to reopen. Kept per coder, so a shared project or a
// coder copy never changes another coder's keys; not undoable (not project data).

/** Key 1–9 → code id (null: the key is free). Always nine entries. */
export type KeyBindings = (string | null)[];

export interface Place {
  documentId: string;
  /** the transcript's scroll offset in pixels */
  scroll: number;
}

export const workspaceApi = {
  'workspace.keys': returns<KeyBindings>()(empty),
  /** Binds `key` to a code (moving it off any other key), or frees it (codeId null). */
  'workspace.setKey': returns<KeyBindings>()(z.object({ key: z.number().int().min(1).max(9), codeId: id.nullable() })),
  'workspace.place': returns<Place | null>()(empty),
  'workspace.setPlace': returns<null>()(z.object({ documentId: id, scroll: z.number().min(0).max(1e9) })),
};
