// Child process for the crash test: merges, and kills itself with SIGKILL in the
// middle of the merge's transaction (after `killAt` writes) — a power cut, as far
// as the project file can tell.
import { merge } from '../../electron/team/merge/merge';
import { openProject } from '../../electron/store/db';

const [master, killAt, ...copies] = process.argv.slice(2);
const p = openProject(master);
await merge(p, copies, {
  onWrite: (_kind, done) => {
    if (done === Number(killAt)) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('merged without being killed\n');
