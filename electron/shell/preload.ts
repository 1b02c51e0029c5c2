import { contextBridge, ipcRenderer } from 'electron';
import { MENU_CHANNEL, methodChannel, PROGRESS_CHANNEL, SHELL_CHANNELS, type Invoke, type Reply, type Shell } from '../../shared/shell';
import { parseProgressEvent } from '../../shared/progress';

// A tiny preload: API calls over IPC, menu commands and progress events. Nothing else. The calls
// answer with the plain Reply: an error thrown across the context bridge would keep
// only its message, and the renderer must tell a refused input from a failed write.

const invoke: Invoke = async (method, input) => (await ipcRenderer.invoke(methodChannel(method), input)) as Reply;

contextBridge.exposeInMainWorld('fieldcodeInvoke', invoke);
const shell: Shell = {
  onMenu: (cb) => {
    ipcRenderer.on(MENU_CHANNEL, (_e, command: string) => cb(command));
  },
  onProgress: (cb) => {
    // Only the event itself crosses into the page, never Electron's event object.
    const listener = (_e: unknown, raw: unknown) => {
      const event = parseProgressEvent(raw);
      if (event) cb(event);
    };
    ipcRenderer.on(PROGRESS_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(PROGRESS_CHANNEL, listener);
    };
  },
  chooseFiles: (request) => ipcRenderer.invoke(SHELL_CHANNELS.chooseFiles, request) as Promise<string[]>,
  chooseSavePath: (suggestedName) => ipcRenderer.invoke(SHELL_CHANNELS.chooseSave, suggestedName) as Promise<string | null>,
};
contextBridge.exposeInMainWorld('fieldcodeShell', shell);
