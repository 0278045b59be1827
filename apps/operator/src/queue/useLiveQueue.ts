import { useLiveQueue as useSharedLiveQueue } from "@civicline/ui";
import { TicketQueueDocument, TicketReceivedDocument } from "../gql/graphql.ts";

export const QUEUE_LIMIT = 50;

/** The operator's queue (newest 50), updated live by `ticketReceived`. */
export function useLiveQueue() {
  return useSharedLiveQueue({ queue: TicketQueueDocument, received: TicketReceivedDocument }, { limit: QUEUE_LIMIT });
}
