import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { projectArg } from '../../electron/shell/open-file';
import { tempDir } from '../helpers/temp';

// `npm run dist` needs the network (Electron's download and headers), so the
// installers are not built here; what can be checked without it is: the
// electron-builder configuration validates against electron-builder's own schema,
// the app id and the .fieldcode association are set, the packaged files include the
// entry points, and better-sqlite3 loads from a packaged layout.

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const config = JSON.parse(readFileSync(join(root, 'build', 'electron-builder.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

async function validate(c: unknown): Promise<string | null> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration: (c: unknown, l: unknown) => Promise<void> };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  return validateConfiguration(c, new DebugLogger(false)).then(
    () => null,
    (e: Error) => e.message,
  );
}

describe('desktop packages (npm run dist)', () => {
  it('has a configuration electron-builder accepts, and refuses a broken one', async () => {
    expect(await validate(config)).toBeNull();
    expect(await validate({ ...config, fileAssociations: 'fieldcode' })).toMatch(/fileAssociations/);
    expect(pkg.scripts.dist).toContain('--config build/electron-builder.json');
  });

  it('sets the app id, opens .fieldcode files, builds for every desktop, and rebuilds better-sqlite3 itself', () => {
    expect(config.appId).toBe('org.fieldcode.app');
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'fieldcode', role: 'Editor' })]);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack.some((g: string) => minimatch('node_modules/better-sqlite3/build/Release/better_sqlite3.node', g))).toBe(true);
  });

  it('packs the entry points the app starts from', () => {
    const needed = [pkg.main, 'build/out/worker.cjs', 'build/out/preload.cjs', 'build/renderer/index.html', 'package.json'];
    for (const f of needed)
      expect(
        config.files.some((g: string) => minimatch(f, g)),
        f,
      ).toBe(true);
    // Source and tests stay out of the package.
    for (const f of ['electron/shell/main.ts', 'tests/shell/dist.test.ts', 'build/out/cli.mjs'])
      expect(
        config.files.some((g: string) => minimatch(f, g)),
        f,
      ).toBe(false);
  });

  it('loads better-sqlite3 from a packaged layout (resources/app.asar.unpacked/node_modules)', () => {
    const app = join(tempDir(), 'resources', 'app.asar.unpacked');
    for (const m of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
      cpSync(dirname(require.resolve(`${m}/package.json`)), join(app, 'node_modules', m), {
        recursive: true,
        filter: (p) => !/[\\/](src|deps)([\\/]|$)/.test(p),
      });
    }
    mkdirSync(join(app, 'build', 'out'), { recursive: true });
    // Resolved as the packaged worker would: from build/out, up to the app's node_modules.
    const probe = `const D = require(require.resolve('better-sqlite3', { paths: [${JSON.stringify(join(app, 'build', 'out'))}] }));
      const db = new D(':memory:'); process.stdout.write(db.prepare("SELECT 'fts5:' || sqlite_compileoption_used('ENABLE_FTS5')").pluck().get());
      process.stdout.write(' ' + require.resolve('better-sqlite3', { paths: [${JSON.stringify(join(app, 'build', 'out'))}] }));`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', cwd: app });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^fts5:1 /);
    expect(r.stdout).toContain(join(app, 'node_modules', 'better-sqlite3'));
  });

  it('opens the project a double-click hands over on the command line', () => {
    expect(projectArg(['/opt/Fieldcode/fieldcode', '/home/amina/Lahore study.fieldcode'])).toBe('/home/amina/Lahore study.fieldcode');
    expect(projectArg(['fieldcode.exe', '--inspect', 'C:\\Users\\b\\A.FIELDCODE'])).toBe('C:\\Users\\b\\A.FIELDCODE');
    expect(projectArg(['electron', '.'])).toBeNull();
  });
});
