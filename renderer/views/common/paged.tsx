import { useState } from 'react';
import { plural } from './files';

export const PAGE = 200;

/** The first rows of a long list, a page more on request; back to one page when `resetKey` changes. */
export function usePaged<T>(items: readonly T[], resetKey: string, step = PAGE): { visible: readonly T[]; left: number; showMore: () => void } {
  const [state, setState] = useState({ key: resetKey, shown: step });
  const shown = state.key === resetKey ? state.shown : step;
  return {
    visible: items.length > shown ? items.slice(0, shown) : items,
    left: Math.max(0, items.length - shown),
    showMore: () => setState({ key: resetKey, shown: shown + step }),
  };
}

export function ShowMore({ left, onClick, step = PAGE, what }: { left: number; onClick: () => void; step?: number; what: string }) {
  if (left <= 0) return null;
  return (
    <div className="button-row show-more">
      <button type="button" onClick={onClick}>
        Show {Math.min(step, left).toLocaleString()} more ({plural(left, what)} not shown)
      </button>
    </div>
  );
}
