import { slice } from './root';

// Which overlay is open: the quick-code palette (to apply, or to recode a
// segment), the import dialog, a confirmation.

export type PaletteMode = { kind: 'apply' } | { kind: 'recode'; segmentId: string } | { kind: 'goto' };

export interface Confirmation {
  title: string;
  detail: string;
  action: string;
  run: () => void | Promise<void>;
}

interface UiState {
  palette: PaletteMode | null;
  importing: boolean;
  confirm: Confirmation | null;
  /** the shortcut sheet (?) */
  keysSheet: boolean;
  /** the width of the transcript's margin labels, in pixels (widened to read long code names) */
  marginWidth: number;
  setMarginWidth: (px: number) => void;
  showKeys: (open: boolean) => void;
  openPalette: (mode: PaletteMode) => void;
  closePalette: () => void;
  setImporting: (open: boolean) => void;
  ask: (c: Confirmation | null) => void;
}

declare module './root' {
  interface AppState {
    ui: UiState;
  }
}

export const useUi = slice('ui', (set) => ({
  palette: null,
  importing: false,
  confirm: null,
  keysSheet: false,
  marginWidth: 160,
  setMarginWidth: (marginWidth) => set({ marginWidth: Math.max(100, Math.min(420, marginWidth)) }),
  showKeys: (keysSheet) => set({ keysSheet }),
  openPalette: (palette) => set({ palette }),
  closePalette: () => set({ palette: null }),
  setImporting: (importing) => set({ importing }),
  ask: (confirm) => set({ confirm }),
}));
