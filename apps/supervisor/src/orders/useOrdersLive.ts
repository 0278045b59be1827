import { useApolloClient, useSubscription } from "@apollo/client/react";
import { useLiveStatus } from "@civicline/ui";
import { SupervisionOrdersChangedDocument } from "../gql/graphql.ts";

const LIVE_QUERIES = ["SupervisionOrders", "SupervisionOrderDetail", "TicketSupervisionOrders"];

/** Refetches the order queries on the page at each `supervisionOrdersChanged` push; says whether pushes are interrupted. */
export function useOrdersLive(): { liveInterrupted: boolean } {
  const client = useApolloClient();
  const liveStatus = useLiveStatus();
  const live = useSubscription(SupervisionOrdersChangedDocument, {
    onData: () => void client.refetchQueries({ include: LIVE_QUERIES }).catch(() => undefined),
  });
  return { liveInterrupted: liveStatus === "reconnecting" || Boolean(live.error) };
}
