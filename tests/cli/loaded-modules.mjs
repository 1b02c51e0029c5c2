// Loaded with `node --import` by tests/cli/startup.test.ts: records every module the
// process resolves (ESM), one URL a line, into the file named by FIELDCODE_LOADED.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.FIELDCODE_LOADED, r.url + '\\n');
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
