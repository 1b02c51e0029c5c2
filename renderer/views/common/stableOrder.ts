import { useState } from 'react';

/** `items` in the order of `shown` (the ids shown before); new items take their place from `items`. */
export function arrange(shown: readonly string[], items: readonly { id: string }[]): string[] {
  const present = new Set(items.map((i) => i.id));
  const order = shown.filter((id) => present.has(id));
  const known = new Set(order);
  items.forEach((item, i) => {
    if (known.has(item.id)) return;
    order.splice(i === 0 ? 0 : order.indexOf(items[i - 1].id) + 1, 0, item.id);
    known.add(item.id);
  });
  return order;
}

/**
 * Rows in the order they were first shown: a row renamed while the researcher types in
 * it stays where it is (it sorts into place when the view is opened again), so the
 * table never moves the cell under the fingers.
 */
export function useStableOrder<T extends { id: string }>(items: T[]): T[] {
  const [shown, setShown] = useState<string[]>([]);
  const order = arrange(shown, items);
  // React's "state from props" pattern: kept for the next render, set only when it changed.
  if (order.length !== shown.length || order.some((id, i) => id !== shown[i])) setShown(order);
  const byId = new Map(items.map((i) => [i.id, i]));
  return order.map((id) => byId.get(id)!);
}
