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
  openPalette: (palette) => set({ palette }),
  closePalette: () => set({ palette: null }),
  setImporting: (importing) => set({ importing }),
  ask: (confirm) => set({ confirm }),
}));
