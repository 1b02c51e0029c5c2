import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldcode, json } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const INTERVIEW =
  'Interviewer: How did the partnership start?\nHeadteacher: A teacher from Mbale visited us in 2007.\nInterviewer: What did students learn?\nHeadteacher: They learnt about fair trade and the weather in Uganda.\n';
const FOCUS = 'Facilitator: What changed?\nMrs Achieng: We plan lessons together now.\nMr Otieno: I use the garden to teach science.\n';

function setup(): { dir: string; project: string } {
  const dir = tempDir();
  const project = join(dir, 'nssp.fieldcode');
  mkdirSync(join(dir, 'transcripts'));
  writeFileSync(join(dir, 'transcripts', 'Interview - Headteacher.txt'), INTERVIEW);
  writeFileSync(join(dir, 'transcripts', 'Focus group - Teachers.txt'), FOCUS);
  writeFileSync(join(dir, 'transcripts', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'schools.csv'), 'case,continent,country,phase\nMbale Primary,Africa,Uganda,primary\nHillcrest Academy,UK,England,secondary\n');
  const created = fieldcode('new', project, '--name', 'NSSP', '--coder', 'Amina');
  expect(created.code, created.stderr).toBe(0);
  return { dir, project };
}

describe('fieldcode command line', () => {
  it('drives the whole foundation flow on real files', () => {
    const { dir, project } = setup();
    const imported = fieldcode('import', project, join(dir, 'transcripts'), '--case', 'Mbale Primary');
    // The PNG is refused by name and reason; the transcripts still import; exit 1 flags the failure.
    expect(imported.code).toBe(1);
    expect(imported.stderr.trim()).toMatch(/^fieldcode: .*photo\.png: unsupported file type \.png$/);
    expect(imported.stdout).toMatch(/imported Interview - Headteacher \(4 turns\)/);

    const docs = json<{ name: string; kind: string; case: string; chars: number; sha256: string; turns: number; speakers: string[] }[]>(
      fieldcode('docs', project, '--json'),
    );
    expect(docs.map((d) => d.name)).toEqual(['Focus group - Teachers', 'Interview - Headteacher']);
    expect(docs[1]).toMatchObject({ kind: 'interview', case: 'Mbale Primary', chars: INTERVIEW.length, turns: 4, speakers: ['Headteacher', 'Interviewer'] });
    expect(docs[0].kind).toBe('focus group');
    expect(docs[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    const again = fieldcode('import', project, join(dir, 'transcripts', 'Focus group - Teachers.txt'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/skipped .*same text as "Focus group - Teachers"/);

    expect(fieldcode('text', project, 'interview - headteacher').stdout).toBe(INTERVIEW);

    expect(fieldcode('cases', 'import', project, join(dir, 'schools.csv')).stdout).toMatch(/1 cases created, 1 updated/);
    expect(fieldcode('cases', 'import', project, join(dir, 'schools.csv')).stdout).toMatch(/0 cases created, 0 updated, 2 unchanged/);
    const cases = json<{ name: string; attributes: Record<string, string> }[]>(fieldcode('cases', project, '--json'));
    expect(cases).toEqual([
      expect.objectContaining({ name: 'Hillcrest Academy', attributes: { continent: 'UK', country: 'England', phase: 'secondary' } }),
      expect.objectContaining({ name: 'Mbale Primary', attributes: { continent: 'Africa', country: 'Uganda', phase: 'primary' } }),
    ]);

    const auto = json<{ passages: number }>(
      fieldcode('autocode', project, '--code', 'Students/Knowledge/global issues', '--pattern', 'fair trade|weather', '--json'),
    );
    expect(auto.passages).toBe(2);
    const turns = fieldcode('autocode', project, '--code', 'Teachers/Pedagogic changes/lesson planning', '--speaker', 'Mrs Achieng', '--coder', 'Ben');
    expect(turns.code, turns.stderr).toBe(0);

    const segments = json<{ document: string; code: string; coder: string; start: number; end: number; text: string }[]>(
      fieldcode('segments', project, '--json'),
    );
    expect(segments).toHaveLength(3);
    expect(segments.find((s) => s.coder === 'Ben')).toMatchObject({
      code: 'Teachers/Pedagogic changes/lesson planning',
      text: 'Mrs Achieng: We plan lessons together now.',
    });
    const students = json<unknown[]>(fieldcode('segments', project, '--code', 'students', '--coder', 'amina', '--json'));
    expect(students.map((s) => (s as { text: string }).text)).toEqual(['fair trade', 'weather']);

    const codes = json<{ path: string; segments: number }[]>(fieldcode('codes', project, '--json'));
    expect(codes.find((c) => c.path === 'Students/Knowledge/global issues')?.segments).toBe(2);

    const info = json<Record<string, unknown>>(fieldcode('info', project, '--json'));
    expect(info).toMatchObject({ name: 'NSSP', coder: 'Amina', documents: 2, cases: 2, segments: 3, coders: 2 });
  });

  it('answers bad input with one line and exit 1, bad usage with exit 2, never a stack trace', () => {
    const dir = tempDir();
    const notProject = join(dir, 'notes.txt');
    writeFileSync(notProject, 'hello');
    const r = fieldcode('info', notProject);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('fieldcode: notes.txt: not a Fieldcode project (not an SQLite database)\n');

    const { project } = setup();
    const badCode = fieldcode('segments', project, '--code', 'Nope/Nothing');
    expect(badCode).toMatchObject({ code: 1, stderr: 'fieldcode: no code "Nope/Nothing" in the codebook\n' });
    const badRegex = fieldcode('autocode', project, '--code', 'Students', '--pattern', '(');
    expect(badRegex.code).toBe(1);
    expect(badRegex.stderr).toMatch(/^fieldcode: the pattern is not a valid JavaScript regular expression/);
    expect(badRegex.stderr.split('\n')).toHaveLength(2);

    expect(fieldcode('frobnicate').code).toBe(2);
    expect(fieldcode('import').code).toBe(2);
    const help = fieldcode('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/autocode/);
    for (const out of [r, badCode, badRegex]) expect(out.stderr).not.toMatch(/\s+at .*\.(ts|js|mjs):\d+/);
  });
});
