import { makeClient, type Client, type MethodName } from '../shared/api';
import type { Reply } from '../shared/shell';

// The renderer picks its transport once: the Electron preload's `window.fieldcode`,
// or the HTTP bridge of browser mode. Nothing else in the renderer knows which.

declare global {
  interface Window {
    fieldcode?: Client;
  }
}

const TOKEN_KEY = 'fieldcode-token';

function bridgeToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpClient(): Client {
  const token = bridgeToken();
  return makeClient(async (method: MethodName, input: unknown) => {
    let res: Response;
    try {
      res = await fetch(`api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-fieldcode-token': token },
        body: JSON.stringify({ input }),
      });
    } catch {
      throw new Error('Fieldcode is not running (the local server did not answer)');
    }
    const body = (await res.json().catch(() => null)) as Reply | null;
    if (!body) throw new Error(`the local server answered ${res.status}`);
    if (!body.ok) throw new Error(body.error || 'unknown error');
    return body.result;
  });
}

let current: Client | null = null;

function pick(): Client {
  if (!current) current = typeof window !== 'undefined' && window.fieldcode ? window.fieldcode : httpClient();
  return current;
}

/** The typed API client (all methods of shared/api.ts). */
export const api: Client = new Proxy({} as Client, {
  get: (_t, name: string) => (pick() as unknown as Record<string, unknown>)[name],
});

/** Tests plug in a client over the real services. */
export function setClient(c: Client | null): void {
  current = c;
}
