// The layers of docs/ARCHITECTURE.md as one lint rule: every import is resolved to
// the layer it lands in and checked against the table below, so a new file or folder
// is covered without editing the config. Bare 'electron' is the shell's alone; Node
// built-ins stay out of shared/ and renderer/.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const NON_CAPABILITY = new Set(['shell', 'store', 'formats', 'cli']);

/** The layer a repository path belongs to, or null for tests, build scripts and configs. */
export function layerOf(path) {
  const parts = relative(root, path).split(sep);
  if (parts[0] === 'shared') return 'shared';
  if (parts[0] === 'renderer') return parts[1] === 'vite.config.ts' ? null : 'renderer';
  if (parts[0] !== 'electron') return null;
  if (parts.length === 2) return parts[1].replace(/\.ts$/, ''); // bridge, handlers
  if (NON_CAPABILITY.has(parts[1])) return parts[1];
  // A capability's handler table is its own layer: it calls that folder's use cases only.
  return parts.length === 3 && parts[2].replace(/\.ts$/, '') === 'handlers' ? 'table' : 'capability';
}

// Who may import whom. A capability folder may use another capability's use cases.
export const ALLOWED = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
  formats: ['formats', 'shared'],
  store: ['store', 'shared'],
  capability: ['capability', 'store', 'formats', 'shared'],
  table: ['capability', 'shared'],
  handlers: ['table', 'capability', 'shared'],
  cli: ['cli', 'capability', 'shared'],
  // The bridge is browser mode's shell: it shares the shell's plain modules (security).
  bridge: ['handlers', 'capability', 'shared', 'shell'],
  shell: ['shell', 'handlers', 'capability', 'shared'],
};

const WHY = {
  shared: 'shared/ is pure TypeScript',
  renderer: 'the renderer talks to the main process only through its API client',
  formats: 'formats turn bytes into the model and never touch the database or a use case',
  store: 'the store knows no use case, format, CLI or shell',
  capability: 'use cases go down to the store and formats only',
  table: 'a handler table calls use cases only, never the store or a format',
  handlers: 'the joined handler table calls use cases only',
  cli: 'the CLI calls use cases only, never the store or a format directly',
  bridge: 'the bridge serves the handler table',
  shell: 'the shell forwards to the handler table and use cases',
};

function check(context, node, spec) {
  if (typeof spec !== 'string') return;
  const from = layerOf(context.filename);
  if (!from) return;
  if (!ALLOWED[from]) {
    context.report({ node, message: `${from} is in no layer of docs/ARCHITECTURE.md: put it in a folder, or add its layer to build/lint/layers.js.` });
    return;
  }
  if (spec === 'electron' || spec.startsWith('electron/')) {
    if (from !== 'shell') context.report({ node, message: `Only electron/shell/ imports '${spec}'.` });
    return;
  }
  if (NODE.has(spec) || spec === 'better-sqlite3') {
    if (from === 'shared' || from === 'renderer') context.report({ node, message: `'${spec}' in ${from}/: ${WHY[from]}.` });
    return;
  }
  if (!spec.startsWith('.')) return;
  const to = layerOf(resolve(dirname(context.filename), spec));
  if (!to || ALLOWED[from].includes(to)) return;
  context.report({ node, message: `A ${from} file may not import ${to} ('${spec}'): ${WHY[from]}.` });
}

export const layers = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const source = (node) => check(context, node, node.source?.value);
        return {
          ImportDeclaration: source,
          ExportNamedDeclaration: source,
          ExportAllDeclaration: source,
          ImportExpression: source,
          CallExpression(node) {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(context, node, node.arguments[0]?.value);
          },
        };
      },
    },
  },
};
