import { describe, expect, it } from 'vitest';
import { ipcClient, Refused, resultOf } from '../../renderer/api';

// The renderer reads a reply the same way from the HTTP bridge and from Electron's IPC:
// a refused input becomes Refused (said next to the field), anything else a plain Error
// (the indicator's "Not saved").

describe("the renderer's API client", () => {
  it('maps a reply to its result, Refused, or an error', () => {
    expect(resultOf({ ok: true, result: { id: 'x' } })).toEqual({ id: 'x' });
    expect(() => resultOf({ ok: false, error: 'a code name is at most 200 characters', refused: true })).toThrow(Refused);
    const failed = (() => {
      try {
        resultOf({ ok: false, error: 'disk I/O error' });
      } catch (e) {
        return e;
      }
    })();
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(Refused);
    expect((failed as Error).message).toBe('disk I/O error');
  });

  it('over IPC, a refused reply from the preload is Refused too', async () => {
    const client = ipcClient(async (method, input) =>
      method === 'codes.update' && (input as { name: string }).name.length > 200
        ? { ok: false, error: 'a code name is at most 200 characters', refused: true }
        : { ok: false, error: 'disk I/O error' },
    );
    await expect(client['codes.update']({ id: 'c', name: 'x'.repeat(201) })).rejects.toBeInstanceOf(Refused);
    await expect(client['codes.update']({ id: 'c', name: 'ok' })).rejects.not.toBeInstanceOf(Refused);
  });
});
