import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { METHOD_NAMES } from '../shared/api';
import { callMethod, handlers } from '../electron/handlers';
import { closeSession, createSession } from '../electron/project/session';
import { tempDir } from './helpers/temp';

describe('the handler table', () => {
  it('has exactly one handler for every method of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('validates untrusted input and answers in one line', async () => {
    const s = createSession({ settingsFolder: tempDir(), defaultFolder: tempDir() });
    await expect(callMethod(s, 'codes.list', {})).rejects.toThrow('no project is open: open or create one first');
    await expect(callMethod(s, 'nope.nothing', {})).rejects.toThrow('unknown method "nope.nothing"');
    await expect(callMethod(s, 'project.create', { path: 'x', codebook: 'grounded' })).rejects.toThrow(/^invalid input for project\.create: codebook/);
    const info = (await callMethod(s, 'project.create', { path: 'Study', codebook: 'nssp', coder: 'Amina' })) as { path: string; coder: { name: string } };
    expect(info.path).toBe(join(s.defaultFolder, 'Study.fieldcode'));
    expect(info.coder.name).toBe('Amina');
    await expect(callMethod(s, 'segments.apply', { documentId: 'd', codeId: 'c', start: -1, end: 2 })).rejects.toThrow(/^invalid input for segments\.apply: start/);
    const recent = (await callMethod(s, 'app.recent', {})) as { path: string }[];
    expect(recent[0].path).toBe(info.path);
    closeSession(s);
  });
});
