import { useMutation } from "@apollo/client/react";
import { useRef, useState } from "react";
import {
  AnswerDirectlyDocument,
  LogCallDocument,
  MarkEmergencyDocument,
  MergeIntoTicketDocument,
  RecordEmergencyHandoffDocument,
  SendToDispatchDocument,
  type EmergencyHandoffInput,
  type LogCallInput,
  type LoggedTicketFragment,
} from "../gql/graphql.ts";

export type CallAction = "save" | "answer" | "dispatch" | "merge" | "emergency" | "handoff";

/** Lists that change when a call is logged or moved on. */
const REFETCH = ["TicketQueue", "QueueCounts"];

export type UseCallTicketOptions = {
  /** The logCall input, or null when the form is not valid (errors are then shown by the caller). */
  prepare: () => LogCallInput | null;
  onError: (error: unknown, action: CallAction) => void;
  /** Hand-offs noted before the call could be saved; sent right after it is (then `onHandoffsSaved`). */
  pendingHandoffs?: () => readonly EmergencyHandoffInput[];
  onHandoffsSaved?: () => void;
  /** Called after every action that succeeded (stale messages go). */
  onSuccess?: () => void;
};

/**
 * The ticket behind a call: logged once (`clientRequestId` makes a repeated submit return the same
 * ticket), then moved on by the outcome actions, each with the ticket's latest version. Every
 * action resolves to whether it succeeded.
 */
export function useCallTicket({ prepare, onError, pendingHandoffs, onHandoffsSaved, onSuccess }: UseCallTicketOptions) {
  const [ticket, setTicket] = useState<LoggedTicketFragment | null>(null);
  /** The tracking number of the ticket the call was merged into (the one the caller asks about later). */
  const [mergedInto, setMergedInto] = useState<string | null>(null);
  const [busy, setBusy] = useState<CallAction | null>(null);
  // The latest ticket for chained actions in one handler (state updates land after it returns).
  const current = useRef<LoggedTicketFragment | null>(null);
  const running = useRef(false);
  const [logCall] = useMutation(LogCallDocument);
  const [answerDirectly] = useMutation(AnswerDirectlyDocument, { refetchQueries: REFETCH });
  const [sendToDispatch] = useMutation(SendToDispatchDocument, { refetchQueries: REFETCH });
  const [mergeIntoTicket] = useMutation(MergeIntoTicketDocument, { refetchQueries: REFETCH });
  const [markEmergency] = useMutation(MarkEmergencyDocument, { refetchQueries: REFETCH });
  const [recordHandoff] = useMutation(RecordEmergencyHandoffDocument);

  const keep = (next: LoggedTicketFragment | undefined | null) => {
    if (next) {
      current.current = next;
      setTicket(next);
    }
    return next ?? null;
  };

  /** Sends the hand-offs noted before the call was saved, oldest first. */
  const flushHandoffs = async (saved: LoggedTicketFragment): Promise<LoggedTicketFragment> => {
    const pending = pendingHandoffs?.() ?? [];
    let latest = saved;
    for (const input of pending) {
      const { data } = await recordHandoff({ variables: { ticketId: saved.id, input } });
      latest = keep(data?.recordEmergencyHandoff) ?? latest;
    }
    if (pending.length > 0) {
      onHandoffsSaved?.();
    }
    return latest;
  };

  const ensureSaved = async (): Promise<LoggedTicketFragment | null> => {
    if (current.current) {
      return flushHandoffs(current.current);
    }
    const input = prepare();
    if (!input) {
      return null;
    }
    const { data } = await logCall({ variables: { input }, refetchQueries: REFETCH });
    const saved = keep(data?.logCall);
    return saved ? flushHandoffs(saved) : null;
  };

  /** Runs one action at a time (a second press while busy is ignored). */
  const run = async (action: CallAction, step: (saved: LoggedTicketFragment) => Promise<LoggedTicketFragment | null>) => {
    if (running.current) {
      return false;
    }
    running.current = true;
    setBusy(action);
    try {
      const saved = await ensureSaved();
      if (!saved) {
        return false;
      }
      const ok = Boolean(await step(saved));
      if (ok) {
        onSuccess?.();
      }
      return ok;
    } catch (error) {
      onError(error, action);
      return false;
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  return {
    ticket,
    mergedInto,
    busy,
    save: () => run("save", async (saved) => saved),
    answerDirectly: (articleIds: readonly string[], answer: string) =>
      run("answer", async (saved) => {
        const { data } = await answerDirectly({ variables: { ticketId: saved.id, version: saved.version, articleIds: [...articleIds], answer } });
        return keep(data?.answerDirectly);
      }),
    sendToDispatch: () =>
      run("dispatch", async (saved) => {
        const { data } = await sendToDispatch({ variables: { ticketId: saved.id, version: saved.version } });
        return keep(data?.sendToDispatch);
      }),
    merge: (intoTicketId: string) =>
      run("merge", async (saved) => {
        const { data } = await mergeIntoTicket({ variables: { ticketId: saved.id, version: saved.version, intoTicketId } });
        const target = data?.mergeIntoTicket.links.find((link) => link.kind === "MERGED_INTO" && link.ticket.id === intoTicketId);
        setMergedInto(target?.ticket.trackingNumber ?? null);
        return keep(data?.mergeIntoTicket);
      }),
    /** For a call already saved as non-emergency. */
    markEmergency: () =>
      run("emergency", async (saved) => {
        if (saved.urgency === "EMERGENCY") {
          return saved;
        }
        const { data } = await markEmergency({ variables: { ticketId: saved.id, version: saved.version } });
        return keep(data?.markEmergency);
      }),
    handoff: (input: EmergencyHandoffInput) =>
      run("handoff", async (saved) => {
        const { data } = await recordHandoff({ variables: { ticketId: saved.id, input } });
        return keep(data?.recordEmergencyHandoff);
      }),
  };
}
