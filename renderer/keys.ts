import { useCodebook } from './store/codebook';
import { useCoding } from './store/coding';
import { useNav } from './store/nav';
import { usePanes } from './store/panes';
import { useProject } from './store/project';
import { useUi } from './store/ui';
import { focusTranscript } from './views/transcript/focus';

// The app's keyboard: Ctrl/Cmd+K quick code, Ctrl/Cmd+Z / Shift+Z undo and redo,
// 1–9 the codes whose key badges show those numbers, Ctrl/Cmd+I in vivo, Delete
// removes the picked coding (asking first when several are picked), Esc clears,
// ? the shortcut sheet, Ctrl/Cmd+[ and ] hide or show the side panes. The transcript's own keys are in transcript/keyboard.ts.

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function onGlobalKey(e: KeyboardEvent): void {
  // A key a component already acted on (Delete in the code tree, Enter in the palette) is not the app's.
  if (e.defaultPrevented || !useProject.getState().info) return;
  const ui = useUi.getState();
  if (ui.palette || ui.confirm || ui.importing || ui.keysSheet) return;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  const coding = useCoding.getState();
  const handled = (() => {
    if (mod && key === 'k') return (ui.openPalette(coding.selection ? { kind: 'apply' } : { kind: 'goto' }), true);
    if (mod && (e.key === '[' || e.key === ']')) return (usePanes.getState().toggle(e.key === '[' ? 'left' : 'right'), true);
    if (typing(e.target)) return false;
    if (mod && key === 'z') return (void (e.shiftKey ? useProject.getState().redo() : useProject.getState().undo()), true);
    if (mod && key === 'y') return (void useProject.getState().redo(), true);
    if (mod && key === 'i') return (void coding.inVivo(), true);
    if (mod && key === 'f') return (useNav.getState().setView('search'), true);
    if (mod || e.altKey) return false;
    if (/^[1-9]$/.test(e.key) && coding.selection) {
      const id = useCodebook.getState().keys[Number(e.key) - 1];
      if (!id) useProject.getState().report(new Error(`Key ${e.key} holds no code: press ☆ beside a code to put it on a key.`));
      return id ? (void coding.apply(id), true) : false;
    }
    if ((e.key === 'Delete' || e.key === 'Backspace') && coding.active.length) return (removePicked(), true);
    if (e.key === '?') return (ui.showKeys(true), true);
    if (e.key === 'Escape') return (coding.select(null), coding.activate([]), true);
    return false;
  })();
  if (handled) e.preventDefault();
}

/** Removes the picked coding; several picked (overlapping codings) are named and confirmed first. */
function removePicked(): void {
  const coding = useCoding.getState();
  const picked = coding.segments.filter((s) => coding.active.includes(s.id));
  const done = () => focusTranscript();
  if (picked.length === 1) return void coding.remove(picked[0].id).then(done);
  const codes = new Map(useCodebook.getState().codes.map((c) => [c.id, c.path]));
  useUi.getState().ask({
    title: `Remove ${picked.length} codings?`,
    detail: `These codings overlap here: ${picked.map((s) => codes.get(s.codeId) ?? 'a deleted code').join('; ')}. Each can be undone.`,
    action: `Remove ${picked.length} codings`,
    run: async () => {
      for (const s of picked) await useCoding.getState().remove(s.id);
      done();
    },
  });
}

/** Commands from Electron's native menu. */
export function onMenuCommand(command: string): void {
  const project = useProject.getState();
  if (command === 'refresh') void project.init();
  else if (command === 'undo') void project.undo();
  else if (command === 'redo') void project.redo();
  else if (command === 'quick-code') useUi.getState().openPalette(useCoding.getState().selection ? { kind: 'apply' } : { kind: 'goto' });
  else if (command === 'import') useUi.getState().setImporting(true);
  else if (command === 'find') useNav.getState().setView('search');
  else if (command === 'close-project') void project.close();
}
