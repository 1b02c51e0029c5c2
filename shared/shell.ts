// What crosses between the renderer and the Electron shell, written once: the
// channel names, the reply every call answers with, and the shell's extras beside
// the API (menu commands, native dialogs). The preload, the main process, the
// worker, the HTTP bridge and the renderer all import these.

/** Every API call answers this way, over IPC, the worker and HTTP: a result or one line of error. */
export type Reply<T = unknown> = { ok: true; result: T } | { ok: false; error: string };

/** The IPC channel of one API method. */
export const methodChannel = (method: string): string => `fieldcode:${method}`;

/** Menu commands sent from the main process to the window. */
export const MENU_CHANNEL = 'fieldcode:menu';

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
  /** paths chosen in a native open dialog (none when cancelled) */
  chooseFiles: (request: { kind: FileKind; title: string }) => Promise<string[]>;
  /** a path chosen in a native save dialog, or null when cancelled */
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
}
