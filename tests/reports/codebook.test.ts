import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { updateCode } from '../../electron/codebook/codebook';
import { renderCodebook } from '../../electron/reports/codebook';
import { resolveCodePath } from '../../electron/store/codes';
import { buildStudy } from './fixture';

describe('codebook export', () => {
  it('writes CSV with definitions, rules and anchor examples quoted from their segments', async () => {
    const { p } = await buildStudy();
    updateCode(p, resolveCodePath(p, 'Teachers/Skills').id, {
      definition: 'New teaching skills',
      whenToUse: 'A teacher names a skill',
      whenNotToUse: '=Knowledge, not skills',
    });
    const r = await renderCodebook(p, 'csv');
    expect(r.rows).toBe(6);
    const rows = parse(new TextDecoder().decode(r.data), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((x) => x.path)).toEqual(['Teachers', 'Teachers/Skills', 'Teachers/Pedagogy', 'Students', 'Students/Knowledge', 'Communities']);
    expect(rows[1]).toMatchObject({
      name: 'Skills',
      level: '2',
      definition: 'New teaching skills',
      'when to use': 'A teacher names a skill',
      'when not to use': "'=Knowledge, not skills",
      'anchor examples': '"we learnt to plan lessons together" (Interview - Headteacher, Mbale) — A clear case of a new skill',
      segments: '3',
    });
    expect(rows[1].colour).toMatch(/^#[0-9A-Fa-f]{6}$/);
  });

  it('writes DOCX with a heading per code and labelled definitions', async () => {
    const { p } = await buildStudy();
    updateCode(p, resolveCodePath(p, 'Students').id, { definition: 'Outcomes for students', whenToUse: 'Students say what they learnt' });
    const xml = strFromU8(unzipSync((await renderCodebook(p, 'docx')).data)['word/document.xml']);
    const text = xml
      .replace(/<w:p[ >]/g, '\n$&')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(text).toContain('\nStudents\nDefinition: Outcomes for students\nWhen to use: Students say what they learnt');
    expect(text).toContain('\nKnowledge\nStudents/Knowledge');
    expect(text).toContain('"we learnt to plan lessons together" (Interview - Headteacher, Mbale) — A clear case of a new skill');
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t xml:space="preserve">Knowledge</);
  });
});
