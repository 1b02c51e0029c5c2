#!/usr/bin/env node
// The `fieldcode` command (package.json bin): runs electron/cli.ts through tsx so the
// repository needs no build step. The CLI itself prints errors as one line.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../electron/cli.ts');
process.exitCode = await run(process.argv.slice(2));
