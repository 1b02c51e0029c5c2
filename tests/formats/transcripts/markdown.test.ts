import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../electron/formats/transcripts';
import { stripMarkdown } from '../../../electron/formats/transcripts/markdown';
import { readFixture, sliced, utf8 } from './helpers';

describe('Markdown transcripts', () => {
  it('drop front matter, heading markers and emphasis; keep every other word; headings are not speakers', async () => {
    const r = await readFixture('student-workshop-manchester.md');
    expect(r).toMatchObject({ format: 'md', encoding: 'utf-8' });
    expect(r.text).toBe(
      'Student workshop: our partner school\n\nWarm-up\n\n' +
        'Facilitator: Draw something you know about your partner school in Kenya.\n' +
        'Student 1: They have a massive field and they plant trees every year.\n' +
        'Student 2: Their uniforms are green. I read that in the video_call_notes file.\n\n' +
        'Letters\n\n' +
        'Facilitator: What would you ask them?\n' +
        'Student 3: Do you like football? And do you ever get snow — *ever*?\n' +
        '- the list of questions stays as written\n' +
        '> and so does a quote\n',
    );
    expect(sliced(r)).toEqual([
      [null, 'Student workshop: our partner school', null, null],
      [null, 'Warm-up', null, null],
      ['Facilitator', 'Facilitator: Draw something you know about your partner school in Kenya.', null, null],
      ['Student 1', 'Student 1: They have a massive field and they plant trees every year.', null, null],
      ['Student 2', 'Student 2: Their uniforms are green. I read that in the video_call_notes file.', null, null],
      [null, 'Letters', null, null],
      ['Facilitator', 'Facilitator: What would you ask them?', null, null],
      [
        'Student 3',
        'Student 3: Do you like football? And do you ever get snow — *ever*?\n- the list of questions stays as written\n> and so does a quote',
        null,
        null,
      ],
    ]);
  });

  it.each([
    ['**bold** and __bold__ and *it* and _it_', 'bold and bold and it and it'],
    ['***both*** and **_nested_**', 'both and nested'],
    ['snake_case_name and 2*3*4 and a*b', 'snake_case_name and 2*3*4 and a*b'],
    ['* a bullet stays', '* a bullet stays'],
    ['***', '***'],
    ['a \\*literal\\* star and \\_under\\_', 'a *literal* star and _under_'],
    ['#hashtag is not a heading', '#hashtag is not a heading'],
    ['### Closed heading ###', 'Closed heading'],
    ['[the report](https://example.org) stays', '[the report](https://example.org) stays'],
    ['** not emphasis **', '** not emphasis **'],
  ])('%j → %j', (markdown, text) => {
    expect(stripMarkdown(markdown).text).toBe(text);
  });

  it('keeps a rule that is not under text, and TOML front matter is dropped too', () => {
    expect(stripMarkdown('+++\ntitle = "x"\n+++\nA: one\n\n---\n\nB: two').text).toBe('A: one\n\n---\n\nB: two');
    expect(stripMarkdown('Title\n=====\nText')).toEqual({ text: 'Title\nText', headings: [0] });
  });

  it('a Markdown file of only front matter is empty', async () => {
    await expect(readTranscript('blank.md', utf8('---\ntitle: nothing yet\n---\n\n'))).rejects.toThrow('blank.md: the file is empty');
  });
});
