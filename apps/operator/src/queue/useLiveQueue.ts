import { useLiveQueue as useSharedLiveQueue } from "@civicline/ui";
import { TicketQueueDocument, TicketReceivedDocument, type QueueKind } from "../gql/graphql.ts";

export const QUEUE_LIMIT = 50;

/**
 * One work queue (newest 50). The "received" queue also takes tickets pushed by `ticketReceived`
 * at once; the others are refreshed when the live counts say they changed (see QueuePage).
 */
export function useLiveQueue(kind: QueueKind = "RECEIVED") {
  return useSharedLiveQueue(
    { queue: TicketQueueDocument, received: TicketReceivedDocument },
    { limit: QUEUE_LIMIT, variables: { kind }, accept: () => kind === "RECEIVED" },
  );
}
