import { parseProgressEvent, type ProgressEvent } from '../../shared/progress';
import { isWindowEventChannel } from '../../shared/shell';

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
