import { contextBridge, ipcRenderer } from 'electron';
import { MENU_CHANNEL, methodChannel, SHELL_CHANNELS, type Invoke, type Reply, type Shell } from '../../shared/shell';

// A tiny preload: API calls over IPC, and menu commands. Nothing else. The calls
// answer with the plain Reply: an error thrown across the context bridge would keep
// only its message, and the renderer must tell a refused input from a failed write.

const invoke: Invoke = async (method, input) => (await ipcRenderer.invoke(methodChannel(method), input)) as Reply;

contextBridge.exposeInMainWorld('fieldcodeInvoke', invoke);
const shell: Shell = {
  onMenu: (cb) => {
    ipcRenderer.on(MENU_CHANNEL, (_e, command: string) => cb(command));
  },
  chooseFiles: (request) => ipcRenderer.invoke(SHELL_CHANNELS.chooseFiles, request) as Promise<string[]>,
  chooseSavePath: (suggestedName) => ipcRenderer.invoke(SHELL_CHANNELS.chooseSave, suggestedName) as Promise<string | null>,
};
contextBridge.exposeInMainWorld('fieldcodeShell', shell);
