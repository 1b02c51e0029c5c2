import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isFieldcodeError, userMessage } from '../../shared/errors';
import { errorReply, UPLOAD_PATH, type Reply } from '../../shared/shell';
import { receiveCopy, UploadTooLargeError } from '../team/uploads';

// Browser mode's upload of a coder copy (POST /upload/copy?name=…, the raw file as the
// body): the token like every API call (Host and Origin are checked by the bridge for
// every request), then the bytes streamed to a private temporary file. The answer is a
// Reply whose result is the UploadedCopy, whose path the merge is then given.

export { UPLOAD_PATH };

export interface UploadContext {
  token: string;
  /** the private folder uploads go to */
  folder: string;
  limit?: number;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL, ctx: UploadContext): Promise<{ status: number; body: Reply }> {
  // A refusal before the body is read: the connection closes rather than reading it all.
  const refuse = (status: number, body: Reply) => (res.setHeader('connection', 'close'), { status, body });
  if (req.method !== 'POST') return refuse(405, { ok: false, error: 'use POST' });
  if (!sameToken(req.headers['x-fieldcode-token'] as string | undefined, ctx.token)) return refuse(401, { ok: false, error: 'missing or wrong token' });
  const length = req.headers['content-length'];
  try {
    const copy = await receiveCopy(req, url.searchParams.get('name') ?? '', {
      folder: ctx.folder,
      limit: ctx.limit,
      declared: length === undefined ? undefined : Number(length),
    });
    return { status: 200, body: { ok: true, result: copy } };
  } catch (e) {
    if (e instanceof UploadTooLargeError) return refuse(413, errorReply(e));
    return refuse(isFieldcodeError(e) ? 400 : 500, isFieldcodeError(e) ? errorReply(e) : { ok: false, error: userMessage(e) });
  }
}
