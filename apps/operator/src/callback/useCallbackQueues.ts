import { useQuery, useSubscription } from "@apollo/client/react";
import { useLiveStatus } from "@civicline/ui";
import { CallbackQueueChangedDocument, CallbackQueuesDocument } from "../gql/graphql.ts";

/** How many rows each list shows. */
export const CALLBACK_LIST_LIMIT = 50;
/** Overdue flags and retry times move with the clock: refresh now and then besides the pushes. */
export const CALLBACK_POLL_MS = 60_000;

/**
 * The three callback lists (reply callbacks, direct-answer surveys, missed calls) and their figures,
 * refetched whenever `callbackQueueChanged` says something changed.
 */
export function useCallbackQueues() {
  const queues = useQuery(CallbackQueuesDocument, {
    variables: { limit: CALLBACK_LIST_LIMIT },
    fetchPolicy: "cache-and-network",
    pollInterval: CALLBACK_POLL_MS,
  });
  const liveStatus = useLiveStatus();
  const live = useSubscription(CallbackQueueChangedDocument, {
    onData: () => {
      void queues.refetch().catch(() => undefined);
    },
  });
  return { ...queues, liveInterrupted: liveStatus === "reconnecting" || Boolean(live.error) };
}
