import { createSession, openInSession } from '../../electron/project/session';

// Stands in for the app in another process: opens the project in a session (as the
// Electron window and the browser-mode bridge do) and keeps it open until killed.
const [project, settings] = process.argv.slice(2);
const s = createSession({ settingsFolder: settings });
try {
  openInSession(s, project);
  process.stdout.write('ready\n');
  setInterval(() => {}, 60_000);
} catch (e) {
  process.stdout.write(`refused: ${(e as Error).message}\n`);
}
