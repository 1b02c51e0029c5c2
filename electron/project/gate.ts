import { AsyncLocalStorage } from 'node:async_hooks';
import type { Project } from '../store/db';
import type { Session } from './session';

// The session's gate. A long operation's final write (operations.ts `writeInSteps`)
// keeps the session's one SQLite connection inside an open transaction while it
// lets the event loop run between chunks, so that a cancel can get through. Any
// other call that ran meanwhile would write inside that transaction — and be rolled
// back with the cancel — or read rows that may never be committed. So every call
// (handlers.ts `callMethod`) goes through the gate; a stepped write waits until it
// is the only call inside, and holds the others back until it has committed or
// rolled back. `operation.cancel` does not go through the gate: it must get in.
// Calls keep running side by side as before at every other moment.

interface Waiter {
  /** a stepped write, which needs the session to itself */
  alone: boolean;
  go: () => void;
}

interface Gate {
  /** calls inside (a stepped write's own call steps out while it writes) */
  inside: number;
  /** a stepped write has the session to itself */
  alone: boolean;
  /** first come, first served: a waiting write is not overtaken by later calls */
  queue: Waiter[];
}

/** The call being served, as it travels through its awaits. */
interface Call {
  session: Session;
  gate: Gate;
  inside: boolean;
  alone: boolean;
}

const gates = new WeakMap<Session, Gate>();
const current = new AsyncLocalStorage<Call>();

/** Methods that never wait at the gate: a cancel must reach the write it stops. */
export const PASS_THE_GATE: ReadonlySet<string> = new Set(['operation.cancel']);

function gateOf(s: Session): Gate {
  let g = gates.get(s);
  if (!g) gates.set(s, (g = { inside: 0, alone: false, queue: [] }));
  return g;
}

function admit(g: Gate): void {
  while (g.queue.length > 0 && !g.alone) {
    const next = g.queue[0];
    if (next.alone) {
      if (g.inside > 0) return;
      g.alone = true;
    } else g.inside++;
    g.queue.shift();
    next.go();
  }
}

function wait(g: Gate, alone: boolean): Promise<void> {
  return new Promise((go) => {
    g.queue.push({ alone, go });
    admit(g);
  });
}

/** Runs one call of the session inside its gate (waiting while a stepped write has the session). */
export async function throughGate<T>(s: Session, work: () => T | Promise<T>): Promise<T> {
  const g = gateOf(s);
  if (g.alone || g.queue.length > 0) await wait(g, false);
  else g.inside++;
  const call: Call = { session: s, gate: g, inside: true, alone: false };
  try {
    return await current.run(call, work);
  } finally {
    if (call.inside) {
      g.inside--;
      admit(g);
    }
  }
}

/**
 * Runs `work` with the session to itself when `p` is the session's open project and
 * the caller came through the gate: the calling operation steps out of the gate,
 * waits until no other call is inside, writes, then steps back in. Elsewhere (the
 * CLI, a test calling a use case, a new file nobody else can reach) it just runs.
 */
export async function alone<T>(p: Project, work: () => Promise<T>): Promise<T> {
  const call = current.getStore();
  if (!call || call.alone || call.session.project !== p) return await work();
  const g = call.gate;
  const wasInside = call.inside;
  if (wasInside) {
    call.inside = false;
    g.inside--;
  }
  await wait(g, true);
  call.alone = true;
  try {
    return await work();
  } finally {
    call.alone = false;
    g.alone = false;
    // Back in at once (the call is still being served), then the waiting calls are let in.
    if (wasInside) {
      call.inside = true;
      g.inside++;
    }
    admit(g);
  }
}
