// The transcript is one tab stop (roving focus: its paragraphs are not tab stops).
// After every command (palette, recode, remove, a dialog) focus comes back here, so
// the coder goes on with the keyboard from where they were.

export const TRANSCRIPT_ID = 'transcript';

export function focusTranscript(): void {
  // After React has closed the overlay that held the focus.
  setTimeout(() => document.getElementById(TRANSCRIPT_ID)?.focus({ preventScroll: true }), 0);
}
