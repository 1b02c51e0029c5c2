import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES } from '../../shared/api';
import { errorReply, methodChannel, type Reply } from '../../shared/shell';
import type { Call } from './worker-client';

// One ipcMain.handle per method of the contract. Calls from anything but our own
// window's top frame are refused; errors cross as one line, never as a stack.

export type { Call, Reply };

export function registerHandlers(ipc: Pick<IpcMain, 'handle'>, call: Call, isTrusted: (event: IpcMainInvokeEvent) => boolean): string[] {
  const registered = new Set<string>();
  for (const method of METHOD_NAMES) {
    const name = methodChannel(method);
    if (registered.has(name)) throw new Error(`IPC handler "${name}" registered twice`);
    registered.add(name);
    ipc.handle(name, async (event, input: unknown): Promise<Reply> => {
      if (!isTrusted(event)) return { ok: false, error: 'refused: the call did not come from the Fieldcode window' };
      try {
        return { ok: true, result: (await call(method, input)) ?? null };
      } catch (e) {
        return errorReply(e); // marked refused as over HTTP
      }
    });
  }
  return [...registered];
}
