import { useApolloClient, useSubscription } from "@apollo/client/react";
import { useLiveStatus } from "@civicline/ui";
import { RoutingChangedDocument } from "../gql/graphql.ts";

/**
 * Keeps routing lists current: every `routingChanged` push (the viewer's inbox or the dispatch
 * queue changed) refetches the active queries named in `include`. Returns whether pushes are
 * interrupted, so the page can say its list may be stale.
 */
export function useRoutingLive(include: readonly string[]): { liveInterrupted: boolean } {
  const client = useApolloClient();
  const liveStatus = useLiveStatus();
  const live = useSubscription(RoutingChangedDocument, {
    onData: () => {
      void client.refetchQueries({ include: [...include] }).catch(() => undefined);
    },
  });
  return { liveInterrupted: liveStatus === "reconnecting" || Boolean(live.error) };
}
