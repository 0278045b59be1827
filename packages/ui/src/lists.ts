import type { ApolloCache, OperationVariables, TypedDocumentNode } from "@apollo/client";

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

/** The shape of a `ticketQueue` query result, whatever ticket fields it selects. */
export type QueueQueryShape<T> = { ticketQueue: { total: number; items: readonly T[] } };

/**
 * Writes a ticket pushed by `ticketReceived` into the cached `ticketQueue` result for `variables`:
 * first in the list, total + 1. A ticket already listed is ignored. Returns whether it was added.
 */
export function addToCachedQueue<T extends { id: string }, V extends OperationVariables>(
  cache: ApolloCache,
  query: TypedDocumentNode<QueueQueryShape<T>, V>,
  variables: V,
  ticket: T,
  limit: number,
): boolean {
  let added = false;
  cache.updateQuery({ query, variables }, (previous) => {
    if (!previous) {
      return undefined;
    }
    const next = prependUnique(previous.ticketQueue.items, ticket, limit);
    if (!next.added) {
      return undefined;
    }
    added = true;
    return {
      ...previous,
      ticketQueue: { ...previous.ticketQueue, total: previous.ticketQueue.total + 1, items: next.items },
    };
  });
  return added;
}
