import { parseProgressEvent, type ProgressEvent } from '../../shared/progress';
import { isWindowEventChannel, PROGRESS_CHANNEL } from '../../shared/shell';

// The plain part of sending to the window (no 'electron' here, so it is tested in
// Node): the main process sends only on the channels named in shared/shell.ts, and
// passes on from the worker only well-formed progress events.

export type SendToWindow = (channel: string, payload: unknown) => void;

/** Wraps webContents.send so that a channel outside the fixed list is refused, not sent. */
export function guardedSend(send: SendToWindow): SendToWindow {
  return (channel, payload) => {
    if (!isWindowEventChannel(channel)) throw new Error(`refused to send on the unknown channel "${channel}"`);
    send(channel, payload);
  };
}

/** What the worker posts besides replies: a progress event to pass on. */
export interface WorkerEvent {
  event: ProgressEvent;
}

/** The progress event inside a worker message, or null when the message is not one (or is malformed). */
export function progressFromWorker(message: unknown): ProgressEvent | null {
  if (!message || typeof message !== 'object' || !('event' in message)) return null;
  return parseProgressEvent((message as { event: unknown }).event);
}

/** The part of Electron's webContents the main process sends progress through. */
export interface WindowLike {
  send: (channel: string, payload: unknown) => void;
  isDestroyed: () => boolean;
}

/**
 * The main process's forwarding of the worker's progress events to the window:
 * given to the worker client before the window exists, attached to the window
 * once it does. Only well-formed events go, only on the progress channel; events
 * for a window not yet there or already closed are dropped, never thrown (a closed
 * window must not stop the operation running in the worker).
 */
export function progressToWindow(): { forward: (event: unknown) => boolean; attach: (window: WindowLike) => void } {
  let target: WindowLike | null = null;
  const send = guardedSend((channel, payload) => target?.send(channel, payload));
  return {
    attach: (window) => {
      target = window;
    },
    forward: (event) => {
      const e = parseProgressEvent(event);
      if (!e || !target || target.isDestroyed()) return false;
      try {
        send(PROGRESS_CHANNEL, e);
        return true;
      } catch {
        return false; // closed between the check and the send
      }
    },
  };
}
