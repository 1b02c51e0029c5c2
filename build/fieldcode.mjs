#!/usr/bin/env node
// The `fieldcode` command (package.json bin). It runs electron/cli/cli.ts bundled by
// esbuild (starts in a fraction of a second), rebuilding the bundle first whenever a
// source file is newer, so it never runs stale code (bundle.mjs, shared with browser
// mode's server). The CLI itself prints errors as one line. The bundle is split:
// what only some commands use (the format libraries behind import, export and
// reports) sits in chunks loaded by those commands, so `fieldcode --version` or
// `info` start at once.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { cli } = await loadBundle(root, 'cli', { cli: join(root, 'electron', 'cli', 'cli.ts') });
cli.endQuietlyOnClosedPipe();
process.exitCode = await cli.run(process.argv.slice(2));
