// What the Electron preload adds beside the API: menu commands and native file
// dialogs. Absent in browser mode, where views fall back to file inputs, typed
// paths and downloads.

export interface Shell {
  onMenu: (cb: (command: string) => void) => void;
  /** paths chosen in a native open dialog (none when cancelled) */
  chooseFiles: (request: { kind: 'transcripts' | 'projects' | 'exchange'; title: string }) => Promise<string[]>;
  /** a path chosen in a native save dialog, or null when cancelled */
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
}

declare global {
  interface Window {
    fieldcodeShell?: Shell;
  }
}

export function shell(): Shell | null {
  return typeof window !== 'undefined' ? window.fieldcodeShell ?? null : null;
}
