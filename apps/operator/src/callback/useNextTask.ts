import { useApolloClient } from "@apollo/client/react";
import { navigateTo } from "@civicline/ui";
import { useCallback, useState } from "react";
import { NextCallbackTasksDocument, ReleaseCallbackTaskDocument } from "../gql/graphql.ts";
import { CALLBACK_PATH, callbackTaskPath } from "./paths.ts";

/**
 * Moves on to the next callback ready to call that nobody else is calling (soonest due first). A
 * claim the agent still holds on the current task is given back first. `none` turns true when
 * there is nothing else to call.
 */
export function useNextTask(currentId: string, holdsClaim: boolean) {
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [none, setNone] = useState(false);
  const goNext = useCallback(async () => {
    setBusy(true);
    setNone(false);
    try {
      if (holdsClaim) {
        await client.mutate({ mutation: ReleaseCallbackTaskDocument, variables: { id: currentId } }).catch(() => undefined);
      }
      const { data } = await client.query({ query: NextCallbackTasksDocument, fetchPolicy: "network-only" });
      const next = data?.callbackQueue.items.find((item) => item.id !== currentId && (!item.claimedBy || item.claimedByMe));
      if (next) {
        navigateTo(callbackTaskPath(next.id));
      } else {
        setNone(true);
      }
    } catch {
      navigateTo(CALLBACK_PATH);
    } finally {
      setBusy(false);
    }
  }, [client, currentId, holdsClaim]);
  return { goNext, busy, none };
}
