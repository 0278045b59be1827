import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Loading, useFormat, useRoutingErrorMessage } from "@civicline/ui";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { DispatchQueueDocument, DispatchTicketDocument } from "../gql/graphql.ts";
import { useRoutingLive } from "../workbench/useRoutingLive.ts";
import { DISPATCH_REFETCH } from "./DispatchForm.tsx";
import { DispatchPanel } from "./DispatchPanel.tsx";
import { DispatchTable } from "./DispatchTable.tsx";
import { useDispatchT } from "./messages.ts";
import { proposalInput, sortQueue, type QueueItem } from "./queue.ts";
import { useUnitDirectory } from "./UnitPicker.tsx";

const LIVE_QUERIES = ["DispatchQueue"];
/** Fallback refresh for changes no push reports. */
const POLL_MS = 60_000;

/** The dispatcher's queue: Enter on a row dispatches to the proposal; a panel for other units and returns. */
export function DispatchPage() {
  const t = useDispatchT();
  const format = useFormat();
  const errorMessage = useRoutingErrorMessage();
  const queue = useQuery(DispatchQueueDocument, { fetchPolicy: "cache-and-network", pollInterval: POLL_MS });
  const { liveInterrupted } = useRoutingLive(LIVE_QUERIES);
  const directory = useUnitDirectory();
  const [dispatchTicket] = useMutation(DispatchTicketDocument, { refetchQueries: DISPATCH_REFETCH, awaitRefetchQueries: true });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  // The ticket leaving the queue and its row's place, to move focus to the row that takes it.
  const leaving = useRef<{ id: string; index: number } | null>(null);

  const items = useMemo(() => sortQueue(queue.data?.dispatchQueue ?? []), [queue.data]);
  const selected = items.find((item) => item.ticket.id === selectedId) ?? null;

  useEffect(() => {
    // After a ticket leaves the queue, keep the keyboard where it was: the row that took its place.
    const gone = leaving.current;
    if (!gone || items.some((item) => item.ticket.id === gone.id)) {
      return;
    }
    const rows = document.querySelectorAll<HTMLElement>("[data-testid='dispatch-row']");
    (rows[Math.min(gone.index, rows.length - 1)] ?? document.getElementById("dispatch-title"))?.focus();
    leaving.current = null;
  }, [items]);

  const setBusy = (id: string, busy: boolean) =>
    setBusyIds((prev) => {
      const next = new Set(prev);
      if (busy) {
        next.add(id);
      } else {
        next.delete(id);
      }
      return next;
    });

  const quickDispatch = async (item: QueueItem) => {
    const input = proposalInput(item);
    if (!input || busyIds.has(item.ticket.id)) {
      return;
    }
    setBusy(item.ticket.id, true);
    setStatus(null);
    leaving.current = { id: item.ticket.id, index: items.indexOf(item) };
    try {
      await dispatchTicket({ variables: { input } });
      setStatus({ tone: "success", text: t("dq.dispatched", { number: item.ticket.trackingNumber, unit: item.proposal.leadUnit ? format.name(item.proposal.leadUnit) : "" }) });
    } catch (caught) {
      leaving.current = null;
      setStatus({ tone: "error", text: `${item.ticket.trackingNumber}: ${errorMessage(caught) ?? ""}` });
    } finally {
      setBusy(item.ticket.id, false);
    }
  };
  const close = useCallback(() => {
    const id = selectedId;
    setSelectedId(null);
    if (id) {
      window.requestAnimationFrame(() => document.getElementById(`dispatch-row-${id}`)?.focus());
    }
  }, [selectedId]);
  const done = (message: string) => {
    if (selectedId) {
      leaving.current = { id: selectedId, index: items.findIndex((item) => item.ticket.id === selectedId) };
    }
    setSelectedId(null);
    setStatus({ tone: "success", text: message });
  };

  return (
    <div className={selected ? "queue-layout queue-layout--with-detail" : "queue-layout"}>
      <section className="queue-layout__list" aria-labelledby="dispatch-title">
        <div className="page-heading">
          <h1 id="dispatch-title" tabIndex={-1}>
            {t("dq.title")}{" "}
            <span className="count-badge" data-testid="dispatch-count" aria-label={t("dq.count", { count: items.length })}>
              {items.length}
            </span>
          </h1>
        </div>
        <p className="muted">{t("dq.keys")}</p>
        <div aria-live="polite">{status ? <Alert tone={status.tone} testId="dispatch-status">{status.text}</Alert> : null}</div>
        {liveInterrupted ? <Alert tone="info">{t("dq.live.lost")}</Alert> : null}
        {queue.error && !queue.data ? (
          <Alert>
            <p>{`${t("dq.loadFailed")} ${errorMessage(queue.error) ?? ""}`}</p>
            <Button variant="secondary" onClick={() => void queue.refetch().catch(() => undefined)}>
              {t("common.retry")}
            </Button>
          </Alert>
        ) : null}
        {queue.loading && !queue.data ? <Loading /> : null}
        {queue.data && items.length === 0 ? (
          <EmptyState testId="dispatch-empty" title={t("dq.empty.title")}>
            {t("dq.empty.body")}
          </EmptyState>
        ) : null}
        {items.length > 0 ? (
          <DispatchTable items={items} selectedId={selectedId} busyIds={busyIds} onDispatch={(item) => void quickDispatch(item)} onOpen={(item) => setSelectedId(item.ticket.id)} />
        ) : null}
      </section>
      {selected ? <DispatchPanel key={selected.ticket.id} item={selected} directory={directory} onDone={done} onClose={close} /> : null}
    </div>
  );
}
