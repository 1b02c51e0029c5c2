import { makeClient, type Client, type MethodName } from '../shared/api';
import { UPLOAD_PATH, type Invoke, type Reply, type UploadedCopy } from '../shared/shell';

// The renderer picks its transport once: the Electron preload's `window.fieldcodeInvoke`
// (IPC), or the HTTP bridge of browser mode. Nothing else in the renderer knows which.

declare global {
  interface Window {
    fieldcodeInvoke?: Invoke;
  }
}

const TOKEN_KEY = 'fieldcode-token';

/** The project refused the input (a rule of the data, not a failed write): the file is as it was. */
export class Refused extends Error {
  override name = 'Refused';
}

/** A reply's result; a refused input throws Refused, anything else a plain Error. */
export function resultOf(reply: Reply): unknown {
  if (reply.ok) return reply.result;
  throw reply.refused ? new Refused(reply.error || 'the input was refused') : new Error(reply.error || 'unknown error');
}

/** The client over Electron's IPC (the preload's invoke). */
export function ipcClient(invoke: Invoke): Client {
  return makeClient(async (method, input) => resultOf(await invoke(method, input)));
}

/** Browser mode's per-run token (from the address, kept for reloads); the progress stream sends it too. */
export function bridgeToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Set once the page starts going away (reload, close, another address); cleared if it comes back from the back/forward cache. */
let leaving = false;
if (typeof window !== 'undefined') {
  for (const e of ['pagehide', 'beforeunload']) window.addEventListener(e, () => (leaving = true), { capture: true });
  window.addEventListener('pageshow', () => (leaving = false));
}
const goingAway = () => leaving || document.visibilityState === 'hidden';

function httpClient(): Client {
  const token = bridgeToken();
  return makeClient(async (method: MethodName, input: unknown) => {
    let res: Response;
    const body = JSON.stringify({ input });
    try {
      res = await fetch(`api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-fieldcode-token': token },
        body,
        // A save sent as the page goes away (reload, close) still reaches the server. Only
        // then: Chromium holds keepalive requests back while a long call is in flight, so a
        // Cancel sent that way arrived only after the import it was meant to stop.
        keepalive: body.length < 16_000 && goingAway(),
      });
    } catch {
      throw new Error('Fieldcode is not running (the local server did not answer)');
    }
    const reply = (await res.json().catch(() => null)) as Reply | null;
    if (!reply) throw new Error(`the local server answered ${res.status}`);
    // The bridge marks a refusal; its status 400 says the same (an older server).
    return resultOf(!reply.ok && res.status === 400 ? { ...reply, refused: true } : reply);
  });
}

/** Browser mode: sends a coder copy chosen in a file picker to the local server, which keeps it until merged. */
export async function uploadCopy(file: File): Promise<UploadedCopy> {
  let res: Response;
  try {
    res = await fetch(`${UPLOAD_PATH.slice(1)}?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-fieldcode-token': bridgeToken() },
      body: file,
    });
  } catch {
    throw new Error('Fieldcode is not running (the local server did not answer)');
  }
  const reply = (await res.json().catch(() => null)) as Reply | null;
  if (!reply) throw new Error(`the local server answered ${res.status}`);
  return resultOf(reply) as UploadedCopy;
}

let current: Client | null = null;
let bridge = false;

function pick(): Client {
  if (!current) {
    bridge = !(typeof window !== 'undefined' && window.fieldcodeInvoke);
    current = bridge ? httpClient() : ipcClient(window.fieldcodeInvoke!);
  }
  return current;
}

/** True when calls go to browser mode's local server (so its event stream is there too). */
export function talksToBridge(): boolean {
  pick();
  return bridge;
}

/** The typed API client (all methods of shared/api.ts). */
export const api: Client = new Proxy({} as Client, {
  get: (_t, name: string) => (pick() as unknown as Record<string, unknown>)[name],
});

/** Tests plug in a client over the real services. */
export function setClient(c: Client | null): void {
  current = c;
  bridge = false;
}
