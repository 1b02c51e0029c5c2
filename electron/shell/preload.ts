import { contextBridge, ipcRenderer } from 'electron';
import { makeClient } from '../../shared/api';
import { MENU_CHANNEL, methodChannel, SHELL_CHANNELS, type Reply, type Shell } from '../../shared/shell';

// A tiny preload: the typed client over IPC, and menu commands. Nothing else.

const client = makeClient(async (method, input) => {
  const reply = (await ipcRenderer.invoke(methodChannel(method), input)) as Reply;
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
});

contextBridge.exposeInMainWorld('fieldcode', client);
const shell: Shell = {
  onMenu: (cb) => {
    ipcRenderer.on(MENU_CHANNEL, (_e, command: string) => cb(command));
  },
  chooseFiles: (request) => ipcRenderer.invoke(SHELL_CHANNELS.chooseFiles, request) as Promise<string[]>,
  chooseSavePath: (suggestedName) => ipcRenderer.invoke(SHELL_CHANNELS.chooseSave, suggestedName) as Promise<string | null>,
};
contextBridge.exposeInMainWorld('fieldcodeShell', shell);
