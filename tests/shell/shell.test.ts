import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { IpcMain } from 'electron';
import { METHOD_NAMES } from '../../shared/api';
import { registerHandlers, type Reply } from '../../electron/shell/ipc';
import { callMethod } from '../../electron/handlers';
import { createSession } from '../../electron/project/session';
import { menuTemplate, type MenuItemSpec } from '../../electron/shell/menu-template';
import { FILE_FILTERS, openRequest, saveName } from '../../electron/shell/dialogs';
import { CONTENT_SECURITY_POLICY, isAppUrl, windowOptions } from '../../electron/shell/security';
import { tempDir } from '../helpers/temp';

type Listener = (event: unknown, input: unknown) => Promise<Reply>;

function fakeIpc() {
  const handlers = new Map<string, Listener>();
  const ipc: Pick<IpcMain, 'handle'> & { handlers: Map<string, Listener> } = {
    handlers,
    handle: (name, fn) => {
      if (handlers.has(name)) throw new Error(`twice: ${name}`);
      handlers.set(name, fn as Listener);
    },
  };
  return ipc;
}

function flat(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
}

describe('the Electron shell, in plain Node', () => {
  it('opens its window isolated, sandboxed, without Node in the page', () => {
    const o = windowOptions('/app/preload.cjs');
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('has a strict Content-Security-Policy with no eval and no remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('allows navigation only to the app page', () => {
    const app = 'file:///opt/fieldcode/renderer/index.html';
    expect(isAppUrl('file:///opt/fieldcode/renderer/index.html#x', app)).toBe(true);
    expect(isAppUrl('https://example.org/', app)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isAppUrl('not a url', app)).toBe(false);
  });

  it('builds the usual menus with Cmd on macOS and Ctrl elsewhere', () => {
    for (const mac of [true, false]) {
      const items = flat(menuTemplate({ mac, dev: false, recent: [{ path: '/a.fieldcode', name: 'A' }] }));
      const by = (label: string) => items.find((i) => i.label === label);
      expect(by('New Project…')?.accelerator).toBe('CmdOrCtrl+N');
      expect(by('Open Project…')?.command).toBe('open-project');
      expect(by('Quick Code…')?.accelerator).toBe('CmdOrCtrl+K');
      expect(by('Undo')?.accelerator).toBe('CmdOrCtrl+Z');
      expect(by('Redo')?.accelerator).toBe(mac ? 'Cmd+Shift+Z' : 'Ctrl+Y');
      expect(items.some((i) => i.role === 'open-recent:/a.fieldcode')).toBe(true);
      expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false);
      const top = menuTemplate({ mac, dev: false, recent: [] }).map((m) => m.label);
      expect(top).toEqual(mac ? ['Fieldcode', 'File', 'Edit', 'View', 'Help'] : ['File', 'Edit', 'View', 'Help']);
    }
  });

  it('registers one IPC handler per method, validates input, and refuses untrusted senders', async () => {
    const ipc = fakeIpc();
    const session = createSession({ settingsFolder: tempDir(), defaultFolder: tempDir() });
    let trusted = true;
    const names = registerHandlers(
      ipc,
      (m, i) => callMethod(session, m, i),
      () => trusted,
    );
    expect(names.sort()).toEqual(METHOD_NAMES.map((m) => `fieldcode:${m}`).sort());
    const create = ipc.handlers.get('fieldcode:project.create')!;
    expect(await create({}, { path: 'x', codebook: 'other' })).toEqual({
      ok: false,
      error: expect.stringMatching(/^invalid input for project\.create: codebook/),
      refused: true,
    });
    expect(await create({}, { path: 'Study', codebook: 'empty' })).toMatchObject({ ok: true, result: { name: 'Study' } });
    trusted = false;
    expect(await ipc.handlers.get('fieldcode:codes.list')!({}, {})).toEqual({ ok: false, error: 'refused: the call did not come from the Fieldcode window' });
    expect(() =>
      registerHandlers(
        ipc,
        async () => null,
        () => true,
      ),
    ).toThrow(/twice/);
  });

  it('runs the services in a worker thread that answers calls by id', async () => {
    // The real worker module, loaded through tsx (the app loads its esbuild bundle).
    const file = pathToFileURL(join(import.meta.dirname, '..', '..', 'electron', 'shell', 'worker.ts')).href;
    const worker = new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(file)}); })`, {
      eval: true,
      workerData: { settingsFolder: tempDir(), defaultFolder: tempDir() },
    });
    const ask = (id: number, method: string, input: unknown) =>
      new Promise<unknown>((ok) => {
        const on = (r: { id: number }) => {
          if (r.id !== id) return;
          worker.off('message', on);
          ok(r);
        };
        worker.on('message', on);
        worker.postMessage({ id, method, input });
      });
    expect(await ask(1, 'project.info', {})).toEqual({ id: 1, ok: true, result: null });
    expect(await ask(2, 'codes.list', {})).toEqual({ id: 2, ok: false, error: 'no project is open: open or create one first', refused: true });
    expect(await ask(3, 'project.create', { path: 'W', codebook: 'nssp' })).toMatchObject({ id: 3, ok: true, result: { name: 'W' } });
    await worker.terminate();
  });
});

describe('native file dialogs asked for by the renderer', () => {
  it('opens only the kinds of file it knows, with a clean title', () => {
    expect(openRequest({ kind: 'projects', title: 'Coders’ copies\nto merge' })).toEqual({ kind: 'projects', title: 'Coders’ copies to merge' });
    expect(FILE_FILTERS[openRequest({ kind: 'transcripts', title: 'x' })!.kind][0].extensions).toEqual(['txt', 'docx', 'vtt', 'srt', 'md']);
    expect(openRequest({ kind: 'anything', title: 'x' })).toBeNull();
    expect(openRequest({ kind: 'toString', title: 'x' })).toBeNull();
    expect(openRequest('projects')).toBeNull();
    expect(openRequest(null)).toBeNull();
  });

  it('suggests a bare file name to save as, never a folder of the renderer’s choosing', () => {
    expect(saveName('Coded segments.docx')).toBe('Coded segments.docx');
    expect(saveName('../../etc/passwd')).toBe('passwd');
    expect(saveName('C:\\Users\\x\\report.xlsx')).toBe('report.xlsx');
    expect(saveName('a\u0000b?.csv')).toBe('ab.csv');
    expect(saveName('..')).toBeNull();
    expect(saveName(42)).toBeNull();
  });
});
