// When a folder last changed: the newest modification time of any file below it.
// The bin and browser mode rebuild their bundles when a source is newer.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
