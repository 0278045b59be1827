import { useQuery, useSubscription } from "@apollo/client/react";
import { useLiveStatus } from "@civicline/ui";
import { useState } from "react";
import { KbImportJobDocument, KbImportJobProgressDocument, type KbImportJobFieldsFragment } from "../../gql/graphql.ts";

export const IMPORT_POLL_MS = 2000;

export function isFinished(job: Pick<KbImportJobFieldsFragment, "status">): boolean {
  return job.status === "DONE" || job.status === "FAILED";
}

/**
 * An import job kept current: pushed by `importJobProgress`, and polled with `importJob` until the
 * first push arrives and whenever the subscription is down. Both land in the same cached ImportJob,
 * which the query reads.
 */
export function useImportJob(started: KbImportJobFieldsFragment, pollMs = IMPORT_POLL_MS) {
  const [pushed, setPushed] = useState(false);
  const liveStatus = useLiveStatus();
  const live = useSubscription(KbImportJobProgressDocument, {
    variables: { id: started.id },
    skip: isFinished(started),
    onData: () => setPushed(true),
  });
  const liveDown = Boolean(live.error) || liveStatus === "reconnecting";
  const [polling, setPolling] = useState(!isFinished(started));
  const current = useQuery(KbImportJobDocument, {
    variables: { id: started.id },
    pollInterval: polling ? pollMs : 0,
    notifyOnNetworkStatusChange: false,
  });
  const job = live.data?.importJobProgress && !current.data ? live.data.importJobProgress : (current.data?.importJob ?? started);
  const finished = isFinished(job);
  const shouldPoll = !finished && (!pushed || liveDown);
  if (shouldPoll !== polling) {
    // Adjusting state during render (not in an effect) keeps the interval in step with the job.
    setPolling(shouldPoll);
  }
  return { job, finished, polling: shouldPoll, liveDown };
}
