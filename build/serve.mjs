// `npm run serve -- [project.fieldcode]`: browser mode. Serves the built renderer
// and the API on 127.0.0.1 with a random token, and prints the URL to open. A
// project file that does not exist yet is created (NSSP codebook). With --open
// (what `npm start` passes) the system's browser opens at the URL too.
import { existsSync, statSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { openCommand } from './launch.mjs';
import { dirname, join, resolve } from 'node:path';
import { newest } from './newest.mjs';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const project = process.argv.slice(2).find((a) => !a.startsWith('-'));
const portArg = process.argv.find((a) => a.startsWith('--port='));

const index = join(root, 'build/renderer/index.html');
if (!existsSync(index) || statSync(index).mtimeMs < newest(join(root, 'renderer')) || statSync(index).mtimeMs < newest(join(root, 'shared'))) {
  console.log('Building the app…');
  const r = spawnSync(process.execPath, [join(root, 'build/build.mjs'), '--renderer'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const {
  bridge: bridgeModule,
  errors,
  project: projectModule,
} = await loadBundle(root, 'serve', {
  bridge: join(root, 'electron', 'bridge.ts'),
  errors: join(root, 'shared', 'errors.ts'),
  project: join(root, 'electron', 'project', 'project.ts'),
});
const { startBridge } = bridgeModule;
const { userMessage } = errors;
const { ensureProject } = projectModule;

/** Opens the URL in the default browser; a missing opener is not an error (the URL is printed). */
function openBrowser(url) {
  const { file, args } = openCommand(process.platform, url);
  try {
    const child = spawn(file, args, { stdio: 'ignore', detached: true });
    child.on('error', () => console.log(`(could not start ${file}; open the address above in your browser)`));
    child.unref();
  } catch {
    console.log(`(could not start ${file}; open the address above in your browser)`);
  }
}

try {
  if (project && ensureProject(resolve(project))) console.log(`Created ${project}: a new project with the NSSP codebook.`);
  const bridge = await startBridge({
    projectPath: project ? resolve(project) : undefined,
    port: portArg ? Number(portArg.slice(7)) : 0,
    staticDir: join(root, 'build', 'renderer'),
  });
  console.log(`Fieldcode is running in browser mode${project ? ` with ${project}` : ''}.`);
  console.log(`Open ${bridge.url}`);
  console.log('Press Ctrl+C to stop.');
  if (process.argv.includes('--open')) openBrowser(bridge.url);
  const stop = () => bridge.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Only under --expose-gc (bench:ui): a full collection on request, so memory is measured in steady state.
  if (typeof globalThis.gc === 'function') process.on('SIGUSR2', () => globalThis.gc());
} catch (e) {
  console.error(`fieldcode: ${userMessage(e)}`);
  process.exit(1);
}
