// The native menu as data, so it is tested in Node. main.ts turns it into an
// Electron Menu and sends `command` items to the renderer.

export type MenuCommand = 'new-project' | 'open-project' | 'import' | 'close-project' | 'undo' | 'redo' | 'find' | 'quick-code' | 'about';

export interface MenuItemSpec {
  label?: string;
  accelerator?: string;
  command?: MenuCommand;
  role?: string;
  type?: 'separator' | 'submenu';
  submenu?: MenuItemSpec[];
}

export interface RecentEntry {
  path: string;
  name: string;
}

export function menuTemplate(opts: { mac: boolean; dev: boolean; recent: RecentEntry[] }): MenuItemSpec[] {
  const sep: MenuItemSpec = { type: 'separator' };
  const recent: MenuItemSpec[] = opts.recent.length
    ? opts.recent.map((r) => ({ label: `${r.name} — ${r.path}`, role: `open-recent:${r.path}` }))
    : [{ label: 'No recent projects', role: 'none' }];
  const file: MenuItemSpec = {
    label: 'File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', command: 'new-project' },
      { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', command: 'open-project' },
      { label: 'Open Recent', type: 'submenu', submenu: recent },
      sep,
      { label: 'Import Transcripts…', accelerator: 'CmdOrCtrl+I', command: 'import' },
      sep,
      { label: 'Close Project', accelerator: 'CmdOrCtrl+W', command: 'close-project' },
      ...(opts.mac ? [] : [sep, { label: 'Quit', accelerator: 'Ctrl+Q', role: 'quit' }]),
    ],
  };
  const edit: MenuItemSpec = {
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', command: 'undo' },
      { label: 'Redo', accelerator: opts.mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', command: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      sep,
      { label: 'Find…', accelerator: 'CmdOrCtrl+F', command: 'find' },
      { label: 'Quick Code…', accelerator: 'CmdOrCtrl+K', command: 'quick-code' },
    ],
  };
  const view: MenuItemSpec = {
    label: 'View',
    submenu: [
      ...(opts.dev ? [{ role: 'reload' }, { role: 'toggleDevTools' }, sep] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemSpec = { label: 'Help', submenu: [{ label: 'About Fieldcode', command: 'about' }] };
  const app: MenuItemSpec[] = opts.mac
    ? [{ label: 'Fieldcode', submenu: [{ role: 'about' }, sep, { role: 'hide' }, { role: 'hideOthers' }, sep, { role: 'quit' }] }]
    : [];
  return [...app, file, edit, view, help];
}
