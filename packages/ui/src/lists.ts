/**
 * Puts `item` first unless an item with the same id is already there, keeping at most `limit`.
 * Used to add tickets pushed by a subscription to a cached list without reloading it.
 */
export function prependUnique<T extends { id: string }>(
  items: readonly T[],
  item: T,
  limit = Number.POSITIVE_INFINITY,
): { items: T[]; added: boolean } {
  if (items.some((existing) => existing.id === item.id)) {
    return { items: [...items], added: false };
  }
  return { items: [item, ...items].slice(0, limit), added: true };
}
