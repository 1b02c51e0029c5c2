// What crosses between the renderer and the Electron shell, written once: the
// channel names, the reply every call answers with, and the shell's extras beside
// the API (menu commands, native dialogs). The preload, the main process, the
// worker, the HTTP bridge and the renderer all import these.

import type { ProgressEvent } from './progress';
import { isFieldcodeError, userMessage } from './errors';

/**
 * Every API call answers this way, over IPC, the worker and HTTP: a result or one line of
 * error. `refused`: the project refused the input (a rule of the data; the file is as it
 * was), which the renderer says next to the field instead of "Not saved".
 */
export type Reply<T = unknown> = { ok: true; result: T } | { ok: false; error: string; refused?: true };

/** The reply for a thrown error. An error that crossed the worker keeps its mark in `refused`. */
export function errorReply(e: unknown): { ok: false; error: string; refused?: true } {
  const refused = isFieldcodeError(e) || (e instanceof Error && (e as { refused?: unknown }).refused === true);
  return refused ? { ok: false, error: userMessage(e), refused: true } : { ok: false, error: userMessage(e) };
}

/** The error a failed reply stands for on the far side (the worker's caller), keeping the mark. */
export function replyError(reply: { error: string; refused?: true }): Error {
  return Object.assign(new Error(reply.error), reply.refused ? { refused: true } : {});
}

/** What the Electron preload exposes as `window.fieldcodeInvoke`: one API call, answered by its Reply. */
export type Invoke = (method: string, input: unknown) => Promise<Reply>;

/** Browser mode: where a coder copy chosen in a file picker is sent (POST, the raw file, `?name=`). */
export const UPLOAD_PATH = '/upload/copy';

/** A coder copy the local server received and keeps until it is merged. */
export interface UploadedCopy {
  /** where the server keeps it: the path to merge */
  path: string;
  /** the file's own name, as the researcher chose it */
  name: string;
  bytes: number;
}

/** The IPC channel of one API method. */
export const methodChannel = (method: string): string => `fieldcode:${method}`;

/** Menu commands sent from the main process to the window. */
export const MENU_CHANNEL = 'fieldcode:menu';

/** Progress events of long operations (shared/progress.ts), sent from the main process to the window. */
export const PROGRESS_CHANNEL = 'fieldcode:progress';

/** The only channels the main process sends on to the window; anything else is refused. */
export const WINDOW_EVENT_CHANNELS = [MENU_CHANNEL, PROGRESS_CHANNEL] as const;
export type WindowEventChannel = (typeof WINDOW_EVENT_CHANNELS)[number];

export function isWindowEventChannel(name: unknown): name is WindowEventChannel {
  return (WINDOW_EVENT_CHANNELS as readonly unknown[]).includes(name);
}

/** Browser mode's stream of progress events (Server-Sent Events), under the same token as the API. */
export const BRIDGE_EVENTS_PATH = '/api/events';

/** The native dialogs the renderer may ask for. */
export const SHELL_CHANNELS = {
  chooseFiles: 'fieldcode-shell:choose-files',
  chooseSave: 'fieldcode-shell:choose-save',
} as const;

export const FILE_KINDS = ['transcripts', 'projects', 'exchange'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** What the Electron preload adds beside the API as `window.fieldcodeShell`. */
export interface Shell {
  onMenu: (cb: (command: string) => void) => void;
  /** hears the progress of long operations; returns the function that stops listening */
  onProgress: (cb: (event: ProgressEvent) => void) => () => void;
  /** paths chosen in a native open dialog (none when cancelled) */
  chooseFiles: (request: { kind: FileKind; title: string }) => Promise<string[]>;
  /** a path chosen in a native save dialog, or null when cancelled */
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
}
