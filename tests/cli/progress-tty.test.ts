import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../electron/store/db';
import { buildStudy } from '../analysis/study';
import { addSyntheticSegments } from '../reports/big';

// The real `fieldcode` process on a real terminal: util-linux `script` gives it a
// pseudo-terminal, so its stdout and stderr are TTYs as in a user's shell, and
// Ctrl+C is the byte 0x03 typed into that terminal (the terminal sends SIGINT to
// the command, as it does for a user). Without a terminal (pipes) nothing extra
// is printed.

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'fieldcode-cli-tty-'));
const project = join(dir, 'nssp.fieldcode');

interface Run {
  code: number | null;
  output: string;
  /** when Ctrl+C was typed, ms after start (null: never) */
  interruptedAt: number | null;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `fieldcode ARGS` on a pseudo-terminal; types Ctrl+C once the output matches `interrupt`.
 * `stdoutTo`: the command's stdout goes to this file instead (stderr stays on the terminal).
 */
function onTerminal(args: string[], interrupt?: RegExp, stdoutTo?: string): Promise<Run> {
  // `exec`: the command replaces the shell `script` starts ($SHELL, often dash, which
  // would otherwise wait for it and die of the same Ctrl+C, reporting 130 for both).
  const command = 'exec ' + [process.execPath, join(ROOT, 'build', 'fieldcode.mjs'), ...args].map(quote).join(' ') + (stdoutTo ? ` > ${quote(stdoutTo)}` : '');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const started = Date.now();
  let output = '';
  let interruptedAt: number | null = null;
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString('utf8');
    if (interrupt && interruptedAt === null && interrupt.test(output)) {
      interruptedAt = Date.now() - started;
      child.stdin.write('\x03');
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((ok) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      child.stdin.end();
      ok({ code, output, interruptedAt });
    }),
  );
}

/** The lines a terminal would show at the end: each `\r` returns to the start of the line and overwrites it. */
const screenLines = (output: string) =>
  output
    .split(/\r?\n/)
    .map(
      (l) =>
        l
          .split('\r')
          .filter((part) => part.trim())
          .at(-1)
          ?.trimEnd() ?? '',
    )
    .filter(Boolean);

beforeAll(async () => {
  // The 54 schools with enough coded segments (about 30,000) that an export of all of them takes a while.
  const study = await buildStudy({ file: 'tty.fieldcode' });
  closeProject(study.p);
  copyFileSync(study.p.path, project);
  const p = openProject(project);
  addSyntheticSegments(p, 30_000, 3);
  closeProject(p);
  // The command's bundle is built once here, not inside a timed run.
  expect(spawnSync(process.execPath, [join(ROOT, 'build', 'fieldcode.mjs'), '--version'], { encoding: 'utf8' }).stdout.trim()).toBe('0.1.0');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the progress line and Ctrl+C of long commands, on a real terminal', () => {
  it('export: a progress line rewritten in place on the terminal, cleared at the end; nothing extra through a pipe', async () => {
    const out = join(dir, 'segments.docx');
    const r = await onTerminal(['export', project, '--format', 'docx', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/\rexporting 0\/2 rendering\s*\r/);
    expect(r.output).toMatch(/\rexporting 2\/2 writing\s*\r/);
    expect(screenLines(r.output)).toEqual([expect.stringMatching(/^wrote \d+ segments to .+segments\.docx \(\d+ KB\)$/)]);
    expect(existsSync(out)).toBe(true);
    rmSync(out);
    // stdout to a file, stderr still on the terminal: the result only, no line.
    const redirected = await onTerminal(['export', project, '--format', 'docx', '-o', out], undefined, join(dir, 'stdout.txt'));
    expect(redirected.code).toBe(0);
    expect(redirected.output).toBe('');
    expect(readFileSync(join(dir, 'stdout.txt'), 'utf8')).toMatch(/^wrote \d+ segments to /);
    rmSync(out);
    const piped = spawnSync(process.execPath, [join(ROOT, 'build', 'fieldcode.mjs'), 'export', project, '--format', 'docx', '-o', out], { encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toMatch(/^wrote \d+ segments to .+ \(\d+ KB\)\n$/);
  });

  it('export: Ctrl+C while rendering stops it — one line, exit 1, no file and no temporary file', async () => {
    const out = join(dir, 'stopped.docx');
    const r = await onTerminal(['export', project, '--format', 'docx', '-o', out], /exporting 0\/2 rendering/);
    expect(r.interruptedAt).not.toBeNull();
    expect(r.code).toBe(1);
    expect(screenLines(r.output).filter((l) => l !== '^C')).toEqual(['fieldcode: Cancelled — nothing was changed']);
    expect(readdirSync(dir).filter((f) => f.includes('stopped'))).toEqual([]);
  });

  it('export --format qdpx: the stages on the line; Ctrl+C leaves no file', async () => {
    const out = join(dir, 'study.qdpx');
    const whole = await onTerminal(['export', project, '--format', 'qdpx', '-o', out]);
    expect(whole.code).toBe(0);
    // The line is redrawn at most every 100 ms, so quick stages may not show; the QDPX stages and the end do.
    expect(whole.output).toMatch(/\rexporting \d\/3 (reading|converting|packing)/);
    expect(whole.output).toMatch(/\rexporting 2\/2 writing/);
    rmSync(out);
    const r = await onTerminal(['export', project, '--format', 'qdpx', '-o', out], /exporting \d\/\d (rendering|reading)/);
    expect(r.code).toBe(1);
    expect(r.output).toContain('fieldcode: Cancelled — nothing was changed');
    expect(readdirSync(dir).filter((f) => f.includes('study.qdpx'))).toEqual([]);
  });

  it('case-study --all: a step per school; Ctrl+C half-way removes the drafts written and the folder', async () => {
    const folder = join(dir, 'drafts');
    const r = await onTerminal(['case-study', project, '--all', '-o', folder], /exporting [1-9]\d*\/54 drafting/);
    expect(r.output).toMatch(/exporting 0\/54 drafting .+/);
    expect(r.code).toBe(1);
    expect(r.output).toContain('fieldcode: Cancelled — nothing was changed');
    expect(existsSync(folder)).toBe(false);
    const whole = await onTerminal(['case-study', project, '--all', '--format', 'md', '-o', folder]);
    expect(whole.code).toBe(0);
    expect(screenLines(whole.output)).toEqual([`wrote 54 case studies to ${folder}`]);
    expect(readdirSync(folder)).toHaveLength(54);
  });

  it('import-qdpx shows its progress; methods and agreement -o show theirs', async () => {
    const qdpx = join(dir, 'for-import.qdpx');
    expect((await onTerminal(['export', project, '--format', 'qdpx', '-o', qdpx])).code).toBe(0);
    const imported = await onTerminal(['import-qdpx', qdpx, join(dir, 'imported.fieldcode')]);
    expect(imported.code).toBe(0);
    expect(imported.output).toMatch(/\rimporting \d+\/\d+ /);
    const table = await onTerminal(['agreement', project, '--coders', 'Amina,Ben', '-o', join(dir, 'agreement.csv')]);
    expect(table.code).toBe(0);
    expect(table.output).toMatch(/\rexporting 0\/2 computing/);
  });

  it('import: a line per transcript; Ctrl+C half-way imports nothing', async () => {
    const target = join(dir, 'imports.fieldcode');
    expect(spawnSync(process.execPath, [join(ROOT, 'build', 'fieldcode.mjs'), 'new', target, '--codebook', 'empty'], { encoding: 'utf8' }).status).toBe(0);
    const folder = join(dir, 'transcripts');
    mkdirSync(folder);
    for (let i = 0; i < 400; i++) {
      const turns = Array.from(
        { length: 80 },
        (_, t) => `${t % 2 ? 'Teacher' : 'Interviewer'}: school ${i}, turn ${t}: letters, visits and lessons with our partners.`,
      );
      writeFileSync(join(folder, `Interview ${String(i).padStart(3, '0')}.txt`), `${turns.join('\n')}\n`);
    }
    const r = await onTerminal(['import', target, folder], /importing [1-9]\d*\/400 reading Interview \d{3}\.txt/);
    expect(r.code).toBe(1);
    expect(r.output).toContain('fieldcode: Cancelled — nothing was changed');
    const p = openProject(target, { readonly: true });
    expect(p.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    closeProject(p);
  });
});
