// Markdown transcripts are stored as the researcher reads them, not as HTML:
// only markup that is never words is removed — front matter, heading markers
// (`# `, setext underlines) and emphasis markers around words (`**Interviewer:**`
// becomes `Interviewer:` so the speaker is found). Everything else stays as
// written: list bullets, block quotes, links, tables and code are words a
// researcher may want to code, and removing them would be guessing.

const FRONT_MATTER = /^(?:---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)|\+\+\+[ \t]*\n[\s\S]*?\n\+\+\+)[ \t]*(?:\n|$)/;
const ATX_HEADING = /^( {0,3})#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
// An emphasis run: not inside a word, content starting and ending with a word character side.
const EMPHASIS = /(^|[^\p{L}\p{N}\\])(\*\*\*|\*\*|\*|___|__|_)([^\s*_](?:.*?[^\s\\])?)\2(?![\p{L}\p{N}])/gu;

export interface StrippedMarkdown {
  text: string;
  /** offsets of heading lines in `text`, so headings are not taken for speakers */
  headings: number[];
}

export function stripMarkdown(markdown: string): StrippedMarkdown {
  const body = markdown.replace(FRONT_MATTER, '').replace(/^\s*\n/, '');
  const out: string[] = [];
  const headings: number[] = [];
  let offset = 0;
  let previous: { start: number; text: boolean } = { start: 0, text: false };
  for (const line of body.split('\n')) {
    // A setext underline directly under a line of text marks that line as a heading; elsewhere `---` is a rule, kept.
    if (previous.text && SETEXT_UNDERLINE.test(line)) {
      headings.push(previous.start);
      previous = { start: offset, text: false };
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    const kept = stripEmphasis(heading ? heading[1] + heading[2] : line);
    if (heading) headings.push(offset);
    previous = { start: offset, text: /\S/.test(line) && !heading && !/^\s*(?:[-*+>]|\d+[.)])\s/.test(line) };
    out.push(kept);
    offset += kept.length + 1;
  }
  return { text: out.join('\n'), headings };
}

function stripEmphasis(line: string): string {
  let current = line;
  // Nested runs (`**_word_**`) unwrap one layer per pass.
  for (let pass = 0; pass < 4; pass++) {
    const next = current.replace(EMPHASIS, '$1$3');
    if (next === current) break;
    current = next;
  }
  return current.replace(/\\([*_#])/g, '$1');
}
