// Text direction, one definition for the app, the exports and the store. Letters of
// the right-to-left scripts (Hebrew, Arabic — Urdu, Persian —, Syriac, Thaana, N'Ko,
// Samaritan, Mandaic, and the Arabic presentation forms) are strong right-to-left;
// every other letter is strong left-to-right; digits, punctuation, spaces and emoji
// are weak and take the direction around them (the Unicode bidi algorithm's rule P2).

const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const LETTER = /\p{L}/u;

export type Direction = 'rtl' | 'ltr';

/** A paragraph's direction from its first strong letter (none: left-to-right). */
export function directionOf(paragraph: string): Direction {
  for (const ch of paragraph) {
    if (RTL_LETTER.test(ch)) return 'rtl';
    if (LETTER.test(ch)) return 'ltr';
  }
  return 'ltr';
}

/** A paragraph is laid out right-to-left when its first strong letter is right-to-left. */
export function isRtl(paragraph: string): boolean {
  return directionOf(paragraph) === 'rtl';
}

/** A whole document is right-to-left when most of its letters are (its default, not each paragraph's). */
export function isMostlyRtl(text: string): boolean {
  let rtl = 0;
  let ltr = 0;
  for (const ch of text) {
    if (RTL_LETTER.test(ch)) rtl++;
    else if (LETTER.test(ch)) ltr++;
  }
  return rtl > ltr;
}
