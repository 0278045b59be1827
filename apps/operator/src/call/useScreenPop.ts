import { useSubscription } from "@apollo/client/react";
import { useCallback, useState } from "react";
import { ScreenPopDocument, type ScreenPopSubscription } from "../gql/graphql.ts";

export type IncomingCall = ScreenPopSubscription["screenPop"];

/** The latest call pushed to this seat by `screenPop`, until it is taken or dismissed. */
export function useScreenPop(): { pop: IncomingCall | null; clear: () => void } {
  const [pop, setPop] = useState<IncomingCall | null>(null);
  useSubscription(ScreenPopDocument, {
    onData: ({ data }) => {
      const call = data.data?.screenPop;
      if (call) {
        setPop(call);
      }
    },
  });
  const clear = useCallback(() => setPop(null), []);
  return { pop, clear };
}
