// What the Electron preload adds beside the API: menu commands and native file
// dialogs. Absent in browser mode, where views fall back to file inputs, typed
// paths and downloads.

import type { Shell } from '../shared/shell';

export type { Shell };

declare global {
  interface Window {
    fieldcodeShell?: Shell;
  }
}

export function shell(): Shell | null {
  return typeof window !== 'undefined' ? (window.fieldcodeShell ?? null) : null;
}
