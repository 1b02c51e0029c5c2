import { contextBridge, ipcRenderer } from 'electron';
import { makeClient } from '../../shared/api';

// A tiny preload: the typed client over IPC, and menu commands. Nothing else.

const client = makeClient(async (method, input) => {
  const reply = (await ipcRenderer.invoke(`fieldcode:${method}`, input)) as { ok: boolean; result?: unknown; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
});

contextBridge.exposeInMainWorld('fieldcode', client);
contextBridge.exposeInMainWorld('fieldcodeShell', {
  onMenu: (cb: (command: string) => void) => {
    ipcRenderer.on('fieldcode:menu', (_e, command: string) => cb(command));
  },
  /** native open dialog for a kind of file; the chosen paths (none when cancelled) */
  chooseFiles: (request: { kind: string; title: string }) => ipcRenderer.invoke('fieldcode-shell:choose-files', request) as Promise<string[]>,
  /** native save dialog; the chosen path, or null when cancelled */
  chooseSavePath: (suggestedName: string) => ipcRenderer.invoke('fieldcode-shell:choose-save', suggestedName) as Promise<string | null>,
});
