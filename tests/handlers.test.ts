import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { METHOD_NAMES } from '../shared/api';
import { callMethod, handlers, joinHandlerTables } from '../electron/handlers';
import type { Handlers } from '../electron/project/handler';
import { codingHandlers } from '../electron/coding/handlers';
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
    await expect(callMethod(s, 'segments.apply', { documentId: 'd', codeId: 'c', start: -1, end: 2 })).rejects.toThrow(
      /^invalid input for segments\.apply: start/,
    );
    const recent = (await callMethod(s, 'app.recent', {})) as { path: string }[];
    expect(recent[0].path).toBe(info.path);
    closeSession(s);
  });
});

describe('joining the handler tables', () => {
  it('makes a method without a handler a compile error, and a method named twice a runtime error', () => {
    // Every table joined, then one method taken out: new tables need no edit here.
    const { 'codes.list': dropped, ...everyOther } = handlers;
    const tables = [everyOther] as const;
    // `npm run typecheck` fails if this line ever compiles: the type names 'codes.list' as missing.
    // @ts-expect-error -- codes.list has no handler
    const incomplete: Handlers = joinHandlerTables(...tables);
    expect(Object.keys(incomplete)).not.toContain('codes.list');
    expect(Object.keys(incomplete)).toHaveLength(METHOD_NAMES.length - 1);
    expect(() => joinHandlerTables(...tables, { 'codes.list': dropped, 'segments.list': codingHandlers['segments.list'] })).toThrow(
      'handler "segments.list" is registered twice',
    );
  });
});
