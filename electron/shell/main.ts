import { app, BrowserWindow, dialog, ipcMain, Menu, session as electronSession, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { FILE_FILTERS, openRequest, saveName } from './dialogs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { registerHandlers } from './ipc';
import { menuTemplate, type MenuItemSpec } from './menu-template';
import { projectArg } from './open-file';
import { CONTENT_SECURITY_POLICY, isAppUrl, windowOptions } from './security';
import { userMessage } from '../../shared/errors';
import { MENU_CHANNEL, SHELL_CHANNELS } from '../../shared/shell';
import type { ProgressEvent } from '../../shared/progress';
import { progressToWindow } from './progress-events';
import { workerClient, type Call } from './worker-client';

// The Electron shell: one window, the native menu, dialogs. The store and services
// run in a worker thread (worker.ts); this process only forwards calls.
//
// better-sqlite3 must be built for Electron's ABI: `npm run native:electron` (needs
// internet once) compiles a copy into build/native/electron, leaving the Node build
// in node_modules for the tests and the CLI. It is loaded through better-sqlite3's
// nativeBinding option; a packaged app carries its own copy, rebuilt by electron-builder.

const dev = !app.isPackaged;
const here = __dirname;

/** The Electron build of better-sqlite3 when run from the sources; a package carries its own, rebuilt by electron-builder. */
function nativeBinding(): string | undefined {
  const built = join(here, '..', 'native', 'electron', 'better_sqlite3.node');
  return !app.isPackaged && existsSync(built) ? built : undefined;
}

function startWorker(onProgress: (e: ProgressEvent) => void): Call {
  const workerData = {
    nativeBinding: nativeBinding(),
    settingsFolder: join(app.getPath('userData')),
    defaultFolder: join(app.getPath('documents'), 'Fieldcode'),
  };
  return workerClient(() => new Worker(join(here, 'worker.cjs'), { workerData }), onProgress).call;
}

function toElectronMenu(items: MenuItemSpec[], win: BrowserWindow, call: Call): MenuItemConstructorOptions[] {
  return items.map((i): MenuItemConstructorOptions => {
    if (i.type === 'separator') return { type: 'separator' };
    if (i.submenu) return { label: i.label, submenu: toElectronMenu(i.submenu, win, call) };
    if (i.role?.startsWith('open-recent:')) {
      const path = i.role.slice('open-recent:'.length);
      return { label: i.label, click: () => void call('project.open', { path }).then(() => win.webContents.send(MENU_CHANNEL, 'refresh')) };
    }
    if (i.role === 'none') return { label: i.label, enabled: false };
    if (i.command) return { label: i.label, accelerator: i.accelerator, click: () => void runCommand(i.command!, win, call) };
    return { role: i.role as MenuItemConstructorOptions['role'], accelerator: i.accelerator, label: i.label };
  });
}

async function runCommand(command: string, win: BrowserWindow, call: Call): Promise<void> {
  if (command === 'open-project') {
    const r = await dialog.showOpenDialog(win, { filters: [{ name: 'Fieldcode project', extensions: ['fieldcode'] }], properties: ['openFile'] });
    if (!r.canceled && r.filePaths[0]) {
      await call('project.open', { path: r.filePaths[0] }).catch((e: Error) => dialog.showErrorBox('Cannot open the project', e.message));
      app.addRecentDocument(r.filePaths[0]);
      win.webContents.send(MENU_CHANNEL, 'refresh');
    }
    return;
  }
  if (command === 'new-project') {
    const r = await dialog.showSaveDialog(win, { filters: [{ name: 'Fieldcode project', extensions: ['fieldcode'] }] });
    if (!r.canceled && r.filePath) {
      await call('project.create', { path: r.filePath, codebook: 'nssp' }).catch((e: Error) => dialog.showErrorBox('Cannot create the project', e.message));
      win.webContents.send(MENU_CHANNEL, 'refresh');
    }
    return;
  }
  if (command === 'about') {
    await dialog.showMessageBox(win, {
      message: 'Fieldcode',
      detail: `Version ${app.getVersion()}\nQualitative coding of interview, focus-group and workshop transcripts.`,
    });
    return;
  }
  win.webContents.send(MENU_CHANNEL, command);
}

/** Native open and save dialogs for the window, asked for by kind of file only. */
function registerDialogs(win: BrowserWindow, trusted: (event: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(SHELL_CHANNELS.chooseFiles, async (event, input: unknown) => {
    const request = openRequest(input);
    if (!trusted(event) || !request) return [];
    const r = await dialog.showOpenDialog(win, { title: request.title, filters: FILE_FILTERS[request.kind], properties: ['openFile', 'multiSelections'] });
    return r.canceled ? [] : r.filePaths;
  });
  ipcMain.handle(SHELL_CHANNELS.chooseSave, async (event, input: unknown) => {
    const name = saveName(input);
    if (!trusted(event) || !name) return null;
    const r = await dialog.showSaveDialog(win, { defaultPath: join(app.getPath('documents'), name) });
    return r.canceled || !r.filePath ? null : r.filePath;
  });
}

/** Opens a project handed over by the system (double-click, command line) in the window. */
async function openGiven(path: string | null, win: BrowserWindow, call: Call): Promise<void> {
  if (!path) return;
  await call('project.open', { path }).catch((e: Error) => dialog.showErrorBox('Cannot open the project', e.message));
  app.addRecentDocument(path);
  win.webContents.send('fieldcode:menu', 'refresh');
}

async function createWindow(call: Call): Promise<BrowserWindow> {
  const win = new BrowserWindow(windowOptions(join(here, 'preload.cjs')));
  const appUrl = pathToFileURL(join(here, '..', 'renderer', 'index.html')).toString();
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url, appUrl)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const trusted = (event: IpcMainInvokeEvent) => event.senderFrame?.parent === null && isAppUrl(event.senderFrame.url, appUrl);
  registerHandlers(ipcMain, call, trusted);
  registerDialogs(win, trusted);
  const recent = ((await call('app.recent', {}).catch(() => [])) as { path: string; name: string }[]) ?? [];
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenu(menuTemplate({ mac: process.platform === 'darwin', dev, recent }), win, call)));
  win.once('ready-to-show', () => win.show());
  await win.loadURL(appUrl);
  return win;
}

// One instance: a second double-click hands its file to the window already open.
if (!app.requestSingleInstanceLock()) app.quit();
let given = projectArg(process.argv.slice(dev ? 2 : 1));
let ready: ((path: string | null) => void) | null = null;
app.on('open-file', (e, path) => {
  e.preventDefault();
  if (ready) ready(path);
  else given = path;
});

app
  .whenReady()
  .then(async () => {
    electronSession.defaultSession.webRequest.onHeadersReceived((details, cb) =>
      cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
    );
    electronSession.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    // Progress events from the worker go to the window once it exists, on the fixed channel only.
    const progress = progressToWindow();
    const call = startWorker(progress.forward);
    const win = await createWindow(call);
    progress.attach({
      send: (channel, payload) => win.webContents.send(channel, payload),
      isDestroyed: () => win.isDestroyed() || win.webContents.isDestroyed(),
    });
    ready = (path) => void openGiven(path, win, call);
    app.on('second-instance', (_e, argv) => {
      if (win.isMinimized()) win.restore();
      win.focus();
      ready?.(projectArg(argv));
    });
    await openGiven(given, win, call);
  })
  .catch((e: unknown) => {
    // A window that cannot open is said in one line, not left as a process with no window.
    dialog.showErrorBox('Fieldcode cannot start', userMessage(e));
    app.quit();
  });

app.on('window-all-closed', () => app.quit());
