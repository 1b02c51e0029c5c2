import { showPanesNow } from '../common/useAfterPaint';
import type { ShownSegment } from '../../../shared/transcript-columns';
import { useCoding } from '../../store/coding';
import { useUi } from '../../store/ui';
import { nextSentenceEnd, nextWord, previousSentenceStart, previousWord, sentenceAt } from './caret';
import type { Block } from './layout';

// Coding by keyboard inside the transcript (it holds the focus as one tab stop):
//   ←/→ a character, Ctrl+←/→ a word, ↑/↓ a paragraph, Home/End the paragraph's ends;
//   with Shift each of them selects (Shift+↑/↓ by sentence);
//   S selects the sentence at the caret, T the whole turn;
//   Enter opens the coding at the caret (again: the next one there);
//   R recodes it, M writes its memo, Delete removes it (the app's keys);
//   1–9, Ctrl+K, Ctrl+I code the selection (the app's keys), Esc clears.

export interface TranscriptKeys {
  text: string;
  blocks: readonly Block[];
  shown: readonly ShownSegment[];
}

function blockAt(blocks: readonly Block[], at: number): number {
  const i = blocks.findIndex((b) => at < b.end || (at === b.end && !blocks.some((c) => c.start === at)));
  return i < 0 ? blocks.length - 1 : i;
}

/** Handles a key pressed in the transcript; true when it was the transcript's. */
export function transcriptKey(e: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }, ctx: TranscriptKeys): boolean {
  const { text, blocks } = ctx;
  if (!blocks.length || e.altKey) return false;
  const coding = useCoding.getState();
  const caret = coding.caret ?? blocks[0].start;
  const bi = blockAt(blocks, caret);
  const block = blocks[bi];
  const word = e.ctrlKey || e.metaKey;
  const move = (to: number) => coding.moveCaret(Math.max(0, Math.min(text.length, to)), e.shiftKey);
  const dir = block.rtl ? -1 : 1; // the arrow points where the text goes on the screen
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowLeft': {
      const forward = (e.key === 'ArrowRight') === (dir === 1);
      if (word) move(forward ? nextWord(text, caret) : previousWord(text, caret));
      else if (forward) move(caret >= block.end && bi + 1 < blocks.length ? blocks[bi + 1].start : caret + 1);
      else move(caret <= block.start && bi > 0 ? blocks[bi - 1].end : caret - 1);
      return true;
    }
    case 'ArrowDown':
      if (e.shiftKey)
        move(
          caret >= block.end && bi + 1 < blocks.length
            ? nextSentenceEnd(text, blocks[bi + 1].start, blocks[bi + 1].start, blocks[bi + 1].end)
            : nextSentenceEnd(text, caret, block.start, block.end),
        );
      else move(bi + 1 < blocks.length ? blocks[bi + 1].start : block.end);
      return true;
    case 'ArrowUp':
      if (e.shiftKey)
        move(
          caret <= block.start && bi > 0
            ? previousSentenceStart(text, blocks[bi - 1].end, blocks[bi - 1].start, blocks[bi - 1].end)
            : previousSentenceStart(text, caret, block.start, block.end),
        );
      else move(bi > 0 ? blocks[bi - 1].start : block.start);
      return true;
    case 'Home':
      move(word ? blocks[0].start : block.start);
      return true;
    case 'End':
      move(word ? blocks[blocks.length - 1].end : block.end);
      return true;
  }
  if (word || e.shiftKey) return false;
  const key = e.key.toLowerCase();
  if (key === 's') {
    coding.select(sentenceAt(text, caret, block.start, block.end));
    return true;
  }
  if (key === 't') {
    const turn = blocks.filter((b) => b.turn === block.turn);
    coding.select({ start: turn[0].start, end: turn[turn.length - 1].end });
    return true;
  }
  if (e.key === 'Enter') {
    const here = ctx.shown.filter((s) => s.start <= caret && s.end >= caret && s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
    if (!here.length) return false;
    const now = coding.active.length === 1 ? here.findIndex((s) => s.id === coding.active[0]) : -1;
    coding.activate([here[(now + 1) % here.length].id]);
    return true;
  }
  if (key === 'r' && coding.active.length === 1) {
    useUi.getState().openPalette({ kind: 'recode', segmentId: coding.active[0] });
    return true;
  }
  if (key === 'm' && coding.active.length === 1) {
    showPanesNow();
    document.querySelector<HTMLTextAreaElement>(`[data-segment="${coding.active[0]}"] textarea`)?.focus();
    return true;
  }
  return false;
}
