import { parseProgressEvent, type ProgressEvent } from '../shared/progress';
import { BRIDGE_EVENTS_PATH } from '../shared/shell';
import { bridgeToken, talksToBridge } from './api';
import { shell } from './shell';

// Where the renderer hears the progress of long operations: the Electron preload's
// onProgress, or in browser mode one Server-Sent Events stream from the bridge,
// read with fetch so it carries the token header like every API call. One stream
// serves every listener; it is opened on first need and reopened after it ends.

type Listener = (e: ProgressEvent) => void;

const listeners = new Set<Listener>();
const tell = (e: ProgressEvent) => listeners.forEach((l) => l(e));
let electron: (() => void) | null = null;
let stream: Promise<void> | null = null;

/** Reads SSE blocks (`data: {...}` lines, blank line between) from the bridge's stream. */
async function read(body: ReadableStream<Uint8Array>, ready: () => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    ready();
    buffer += decoder.decode(value, { stream: true });
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const data = block.split('\n').find((l) => l.startsWith('data: '));
      if (!data) continue;
      try {
        const e = parseProgressEvent(JSON.parse(data.slice('data: '.length)));
        if (e) tell(e);
      } catch {
        // a block that is not JSON is skipped, the stream goes on
      }
    }
  }
}

/** Opens the bridge's stream; resolves once the server says it is listening (or the stream cannot open). */
function openStream(): Promise<void> {
  stream ??= new Promise<void>((ready) => {
    fetch(BRIDGE_EVENTS_PATH.slice(1), { headers: { 'x-fieldcode-token': bridgeToken() }, cache: 'no-store' })
      .then((res) => (res.ok && res.body ? read(res.body, ready) : undefined))
      .catch(() => undefined)
      .finally(() => {
        // Without progress the operation still runs (and can be cancelled); the next one tries again.
        stream = null;
        ready();
      });
  });
  return stream;
}

/** Listens to every progress event until the returned function is called; resolves once listening. */
export async function listenToProgress(listener: Listener): Promise<() => void> {
  listeners.add(listener);
  const sh = shell();
  if (sh?.onProgress) electron ??= sh.onProgress(tell);
  else if (talksToBridge()) await openStream();
  return () => {
    listeners.delete(listener);
  };
}

/** A fresh id for one long operation (letters, digits and dashes, as the contract asks). */
export function newOperationId(): string {
  return `op-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
