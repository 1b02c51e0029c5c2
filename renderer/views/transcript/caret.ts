// Moving a caret and extending a selection through the transcript text by keyboard:
// by character, by word, by sentence, by paragraph. Pure functions over the text.

const WORD = /[\p{L}\p{N}\p{M}'’_-]/u;
const SENTENCE_END = /[.!?۔؟…]/u;

const isWord = (ch: string | undefined) => !!ch && WORD.test(ch);

/** The offset one word on: past the spaces, then past the word. */
export function nextWord(text: string, at: number): number {
  let i = at;
  while (i < text.length && !isWord(text[i])) i++;
  while (i < text.length && isWord(text[i])) i++;
  return i;
}

/** The start of the word before `at`. */
export function previousWord(text: string, at: number): number {
  let i = at;
  while (i > 0 && !isWord(text[i - 1])) i--;
  while (i > 0 && isWord(text[i - 1])) i--;
  return i;
}

/** The sentence around `at`, within [from, to) (a paragraph), without its surrounding spaces. */
export function sentenceAt(text: string, at: number, from: number, to: number): { start: number; end: number } {
  let a = Math.min(Math.max(at, from), to);
  while (a > from && !(SENTENCE_END.test(text[a - 1]) && /\s/.test(text[a] ?? ' '))) a--;
  let b = Math.max(a, Math.min(at, to));
  while (b < to && !(SENTENCE_END.test(text[b]) && (b + 1 >= to || /\s/.test(text[b + 1])))) b++;
  if (b < to) b++;
  while (b < to && SENTENCE_END.test(text[b])) b++;
  while (a < b && /\s/.test(text[a])) a++;
  return { start: a, end: b };
}

/** The end of the sentence after `at` (extending forward), within [from, to). */
export function nextSentenceEnd(text: string, at: number, from: number, to: number): number {
  let i = at;
  while (i < to && /\s/.test(text[i])) i++;
  return i >= to ? to : sentenceAt(text, i, from, to).end;
}

/** The start of the sentence before `at` (extending backward), within [from, to). */
export function previousSentenceStart(text: string, at: number, from: number, to: number): number {
  let i = at;
  while (i > from && /\s/.test(text[i - 1])) i--;
  if (i <= from) return from;
  return sentenceAt(text, i - 1, from, to).start;
}
