import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { callMethod } from './handlers';
import { closeSession, createSession, openInSession, type Session, type SessionOptions } from './project/session';
import { isFieldcodeError, userMessage } from '../shared/errors';
import { BRIDGE_EVENTS_PATH, errorReply, type Reply } from '../shared/shell';
import { CONTENT_SECURITY_POLICY } from './shell/security';
import { handleUpload, UPLOAD_PATH } from './shell/upload-route';
import { discardCopiesUnder } from './team/uploads';
import { serveProgressEvents } from './shell/bridge-events';

// Browser mode: the same services over HTTP on 127.0.0.1 only. Every API call needs
// the random per-run token; Host and Origin are checked against DNS rebinding.

export interface BridgeOptions extends SessionOptions {
  projectPath?: string;
  port?: number;
  staticDir?: string;
  session?: Session;
  /** the largest request body accepted (base64 imports) */
  maxBody?: number;
  /** the largest coder copy uploaded from a file picker (team/uploads.ts MAX_UPLOAD) */
  maxUpload?: number;
}

export interface Bridge {
  url: string;
  token: string;
  port: number;
  session: Session;
  /** the private folder uploaded coder copies wait in until merged */
  uploadFolder: string;
  close: () => Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

function send(res: ServerResponse, status: number, body: Reply): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('the request is too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function serveStatic(res: ServerResponse, root: string, urlPath: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return send(res, 400, { ok: false, error: 'bad path' });
  }
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = resolve(root, rel);
  if (file !== root && !file.startsWith(root + sep)) return send(res, 404, { ok: false, error: 'not found' });
  if (!existsSync(file) || !statSync(file).isFile()) {
    return send(res, 404, { ok: false, error: existsSync(join(root, 'index.html')) ? 'not found' : 'the app is not built: run npm run build:renderer' });
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=300',
  });
  createReadStream(file).pipe(res);
}

export async function startBridge(opts: BridgeOptions = {}): Promise<Bridge> {
  const session = opts.session ?? createSession(opts);
  if (opts.projectPath) openInSession(session, opts.projectPath);
  const token = randomBytes(24).toString('base64url');
  const staticDir = resolve(opts.staticDir ?? join(import.meta.dirname ?? '.', '..', 'build', 'renderer'));
  const maxBody = opts.maxBody ?? 512 * 1024 * 1024;
  let port = 0;
  // Coder copies chosen in the browser's file picker wait here (0700) until merged.
  const uploads = mkdtempSync(join(tmpdir(), 'fieldcode-uploads-'));

  const server = createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, { ok: false, error: 'unexpected Host header' });
      const origin = req.headers.origin;
      if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
        return send(res, 403, { ok: false, error: 'requests from other sites are refused' });
      }
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname === UPLOAD_PATH) {
        const r = await handleUpload(req, res, url, { token, folder: uploads, limit: opts.maxUpload });
        return send(res, r.status, r.body);
      }
      if (url.pathname === BRIDGE_EVENTS_PATH) return serveProgressEvents(req, res, session, token);
      if (!url.pathname.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: 'method not allowed' });
        return serveStatic(res, staticDir, url.pathname);
      }
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: 'use POST' });
      if (!sameToken(req.headers['x-fieldcode-token'] as string | undefined, token)) return send(res, 401, { ok: false, error: 'missing or wrong token' });
      const method = url.pathname.slice('/api/'.length);
      let input: unknown;
      try {
        const body = await readBody(req, maxBody);
        input = body ? (JSON.parse(body) as { input?: unknown }).input : {};
      } catch (e) {
        const status = (e as { status?: number }).status ?? 400;
        return send(res, status, { ok: false, error: status === 413 ? 'the request is too large' : 'the request is not valid JSON' });
      }
      try {
        send(res, 200, { ok: true, result: (await callMethod(session, method, input)) ?? null });
      } catch (e) {
        const status = /^unknown method/.test(userMessage(e)) ? 404 : isFieldcodeError(e) ? 400 : 500;
        send(res, status, status === 400 ? errorReply(e) : { ok: false, error: userMessage(e) });
      }
    })().catch((e) => send(res, 500, { ok: false, error: userMessage(e) }));
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    session,
    uploadFolder: uploads,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          discardCopiesUnder(uploads);
          rmSync(uploads, { recursive: true, force: true });
          if (!opts.session) closeSession(session);
          ok();
        });
      }),
  };
}
