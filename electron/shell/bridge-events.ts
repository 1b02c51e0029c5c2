import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { watchProgress } from '../project/operations';
import type { Session } from '../project/session';
import type { ProgressEvent } from '../../shared/progress';

// Browser mode's progress events: one Server-Sent Events stream per page, under
// the same per-run token as every API call (sent as a header, so the page reads the
// stream with fetch rather than EventSource, which cannot send headers). The Host
// and Origin checks happen in bridge.ts before a request reaches here.

const HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { ...HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ ok: false, error }));
}

/** One SSE event: the progress event as JSON on a `data:` line (JSON has no raw newlines). */
export function sseMessage(e: ProgressEvent): string {
  return `event: progress\ndata: ${JSON.stringify(e)}\n\n`;
}

/**
 * Serves GET /api/events: a comment line at once (the page knows it is listening),
 * then every progress event of the session until the page goes away, with a
 * comment every 15 s so idle proxies and timers do not close it.
 */
export function serveProgressEvents(req: IncomingMessage, res: ServerResponse, session: Session, token: string): void {
  if (req.method !== 'GET') return refuse(res, 405, 'use GET');
  if (!sameToken(req.headers['x-fieldcode-token'], token)) return refuse(res, 401, 'missing or wrong token');
  res.writeHead(200, { ...HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
  res.write(': listening\n\n');
  const stop = watchProgress(session, (e) => res.write(sseMessage(e)));
  const beat = setInterval(() => res.write(': still here\n\n'), 15_000);
  beat.unref();
  const end = () => {
    stop();
    clearInterval(beat);
  };
  req.on('close', end);
  res.on('close', end);
}
