import { slice } from './root';

// The widths of the workspace's side panes and whether each is shown, remembered
// per coder and project in browser storage (a layout preference of this machine's
// window, not research data, so it stays out of the project file).

export type Side = 'left' | 'right';

interface Layout {
  left: number;
  right: number;
  leftOpen: boolean;
  rightOpen: boolean;
}

interface PanesState extends Layout {
  /** the storage key: project and coder */
  key: string | null;
  load: (projectId: string, coder: string) => void;
  setWidth: (side: Side, px: number) => void;
  toggle: (side: Side) => void;
}

declare module './root' {
  interface AppState {
    panes: PanesState;
  }
}

export const PANE_LIMITS: Record<Side, [number, number]> = { left: [220, 480], right: [220, 520] };
const DEFAULTS: Layout = { left: 290, right: 320, leftOpen: true, rightOpen: true };

const clamp = (side: Side, px: number) => Math.round(Math.max(PANE_LIMITS[side][0], Math.min(PANE_LIMITS[side][1], px)));

function read(key: string): Layout {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<Layout> | null;
    if (!saved) return DEFAULTS;
    return {
      left: clamp('left', Number(saved.left) || DEFAULTS.left),
      right: clamp('right', Number(saved.right) || DEFAULTS.right),
      leftOpen: saved.leftOpen !== false,
      rightOpen: saved.rightOpen !== false,
    };
  } catch {
    return DEFAULTS; // storage unavailable or garbled: the default layout, never an error in front of the coder
  }
}

export const usePanes = slice('panes', (set, get) => {
  const save = (patch: Partial<Layout>) => {
    set(patch);
    const { key, left, right, leftOpen, rightOpen } = get();
    if (!key) return;
    try {
      localStorage.setItem(key, JSON.stringify({ left, right, leftOpen, rightOpen }));
    } catch {
      // storage full or blocked: the layout still changes for this session
    }
  };
  return {
    ...DEFAULTS,
    key: null,
    load: (projectId, coder) => {
      const key = `fieldcode.panes.${projectId}.${coder}`;
      set({ key, ...read(key) });
    },
    setWidth: (side, px) => save(side === 'left' ? { left: clamp(side, px), leftOpen: true } : { right: clamp(side, px), rightOpen: true }),
    toggle: (side) => save(side === 'left' ? { leftOpen: !get().leftOpen } : { rightOpen: !get().rightOpen }),
  };
});
