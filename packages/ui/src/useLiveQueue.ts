import type { TypedDocumentNode } from "@apollo/client";
import { useQuery, useSubscription } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { addToCachedQueue, type QueueQueryShape } from "./lists.ts";
import { useLiveStatus } from "./liveStatus.ts";

const HIGHLIGHT_MS = 8000;

export type LiveQueueDocuments<T extends { id: string; trackingNumber: string }, V extends { limit: number } = { limit: number }> = {
  /** `query ($limit: Int!, …) { ticketQueue(limit: $limit, …) { total items { …fields } } }` */
  queue: TypedDocumentNode<QueueQueryShape<T>, V>;
  /** `subscription { ticketReceived { …the same fields } }` */
  received: TypedDocumentNode<{ ticketReceived: T }, { [key: string]: never }>;
};

/**
 * The ticket queue kept current by the `ticketReceived` subscription: a pushed ticket goes to the
 * top of the cached list (total + 1) without a reload and stays highlighted for a few seconds.
 * `pollMs` refreshes the list for changes no event reports (tickets leaving the queue).
 */
export function useLiveQueue<T extends { id: string; trackingNumber: string }, V extends { limit: number } = { limit: number }>(
  documents: LiveQueueDocuments<T, V>,
  {
    limit,
    pollMs,
    variables: extra,
    accept = () => true,
  }: {
    limit: number;
    pollMs?: number;
    /** Further variables of the queue query (e.g. which queue). */
    variables?: Omit<V, "limit">;
    /** Whether a pushed ticket belongs in this list; all do by default. */
    accept?: (ticket: T) => boolean;
  },
) {
  const variables = { ...extra, limit } as V;
  const queue = useQuery(documents.queue as TypedDocumentNode<QueueQueryShape<T>, V>, {
    variables,
    fetchPolicy: "cache-and-network",
    pollInterval: pollMs,
  });
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const [announced, setAnnounced] = useState<string | null>(null);

  const liveStatus = useLiveStatus();
  const live = useSubscription(documents.received, {
    onData: ({ client, data }) => {
      const ticket = data.data?.ticketReceived;
      if (!ticket || !accept(ticket) || !addToCachedQueue(client.cache, documents.queue, variables, ticket, limit)) {
        return;
      }
      setHighlighted((prev) => new Set(prev).add(ticket.id));
      setAnnounced(ticket.trackingNumber);
      window.setTimeout(() => {
        setHighlighted((prev) => {
          const next = new Set(prev);
          next.delete(ticket.id);
          return next;
        });
      }, HIGHLIGHT_MS);
    },
  });

  useEffect(() => {
    if (!announced) {
      return;
    }
    const timer = window.setTimeout(() => setAnnounced(null), HIGHLIGHT_MS);
    return () => window.clearTimeout(timer);
  }, [announced]);

  return {
    total: queue.data?.ticketQueue.total,
    items: queue.data?.ticketQueue.items,
    loading: queue.loading,
    error: queue.error,
    refetch: queue.refetch,
    /** True while pushed tickets cannot arrive (socket reconnecting or subscription failed). */
    liveInterrupted: liveStatus === "reconnecting" || Boolean(live.error),
    highlighted,
    /** Tracking number of the latest pushed ticket, for a polite live-region announcement. */
    announcedTrackingNumber: announced,
  };
}
