// `npm run schema:known`: writes electron/store/known-schema.json, every object a
// Fieldcode file may hold at some version, from replaying the migrations (run it
// after adding a migration; tests/store/known-schema.test.ts says when it is due).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replayedSchema } from '../electron/store/schema';

const out = join(import.meta.dirname, '..', 'electron', 'store', 'known-schema.json');
writeFileSync(out, `${JSON.stringify(replayedSchema(), null, 1)}\n`);
console.log(`wrote ${out}`);
