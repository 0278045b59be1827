import { useQuery, useSubscription } from "@apollo/client/react";
import { QueueCountsChangedDocument, QueueCountsDocument, type QueueCountsFieldsFragment, type QueueKind } from "../gql/graphql.ts";

/** The queues in tab order. */
export const QUEUE_KINDS: readonly QueueKind[] = ["RECEIVED", "WAITING_FOR_DISPATCH", "MINE_TODAY", "EMERGENCIES"];

const FIELD: Record<QueueKind, keyof Omit<QueueCountsFieldsFragment, "__typename">> = {
  RECEIVED: "received",
  WAITING_FOR_DISPATCH: "waitingForDispatch",
  MINE_TODAY: "mineToday",
  EMERGENCIES: "emergencies",
};

export function countOf(counts: QueueCountsFieldsFragment | undefined, kind: QueueKind): number | undefined {
  return counts ? counts[FIELD[kind]] : undefined;
}

/** How many tickets each queue holds, kept live by `queueCountsChanged`. */
export function useQueueCounts(): QueueCountsFieldsFragment | undefined {
  const counts = useQuery(QueueCountsDocument, { fetchPolicy: "cache-and-network" });
  useSubscription(QueueCountsChangedDocument, {
    onData: ({ client, data }) => {
      const next = data.data?.queueCountsChanged;
      if (next) {
        client.cache.writeQuery({ query: QueueCountsDocument, data: { queueCounts: next } });
      }
    },
  });
  return counts.data?.queueCounts;
}
