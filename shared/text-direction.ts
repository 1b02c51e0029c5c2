// Right-to-left scripts: Hebrew, Arabic (Urdu, Persian), Syriac, Thaana, N'Ko, and
// the Arabic presentation forms.
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/g;

/** A text is shown right-to-left when most of its letters are in a right-to-left script. */
export function isMostlyRtl(text: string): boolean {
  const rtl = text.match(RTL)?.length ?? 0;
  if (rtl === 0) return false;
  const latin = text.match(/[A-Za-z\u00c0-\u024f]/g)?.length ?? 0;
  return rtl > latin;
}
