import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Loading, useFormat, useHotkeys, useRoutingErrorMessage } from "@civicline/ui";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { DispatchQueueDocument, DispatchTicketDocument } from "../gql/graphql.ts";
import { useRoutingLive } from "../workbench/useRoutingLive.ts";
import { DISPATCH_REFETCH } from "./DispatchForm.tsx";
import { DispatchPanel } from "./DispatchPanel.tsx";
import { DispatchTable } from "./DispatchTable.tsx";
import "./dispatch.css";
import { useDispatchT } from "./messages.ts";
import { filterQueue, NO_FILTERS, proposalInput, sortQueue, type QueueFilters, type QueueItem } from "./queue.ts";
import { QueueFilterBar } from "./QueueFilterBar.tsx";
import { useUnitDirectory } from "./UnitPicker.tsx";

const LIVE_QUERIES = ["DispatchQueue"];
/** Fallback refresh for changes no push reports. */
const POLL_MS = 60_000;

/** How long a dispatch to the proposal can be undone before it is sent (a wrong dispatch costs a return and a day). */
const DISPATCH_UNDO_MS = 5000;

/**
 * The dispatcher's queue: dense rows with the description's first line, filters, Enter on a row (or
 * the ticked rows) dispatches to the proposal after a few seconds in which it can be undone
 * (Ctrl+Z or the button); a panel for other units and returns.
 */
export function DispatchPage({ undoMs = DISPATCH_UNDO_MS }: { undoMs?: number } = {}) {
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

  const all = useMemo(() => sortQueue(queue.data?.dispatchQueue ?? []), [queue.data]);
  const [filters, setFilters] = useState<QueueFilters>(NO_FILTERS);
  const items = useMemo(() => filterQueue(all, filters), [all, filters]);
  const [checkedIds, setCheckedIds] = useState<ReadonlySet<string>>(new Set());
  // Dispatches waiting out their undo time.
  const [pending, setPending] = useState<readonly QueueItem[]>([]);
  const pendingTimer = useRef<number | null>(null);
  const pendingIds = useMemo(() => new Set(pending.map((item) => item.ticket.id)), [pending]);
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

  const sendNow = async (batch: readonly QueueItem[]) => {
    if (pendingTimer.current !== null) {
      window.clearTimeout(pendingTimer.current);
      pendingTimer.current = null;
    }
    setPending([]);
    for (const item of batch) {
      await quickDispatch(item);
    }
  };
  /** Holds the dispatches for `undoMs`, then sends them; Ctrl+Z or Undo cancels. */
  const schedule = (batch: readonly QueueItem[]) => {
    const ready = batch.filter((item) => proposalInput(item) && !busyIds.has(item.ticket.id) && !pendingIds.has(item.ticket.id));
    if (ready.length === 0) {
      return;
    }
    const next = [...pending, ...ready];
    setPending(next);
    setCheckedIds(new Set());
    setStatus(null);
    if (pendingTimer.current !== null) {
      window.clearTimeout(pendingTimer.current);
    }
    pendingTimer.current = window.setTimeout(() => void sendNow(next), undoMs);
  };
  const undo = () => {
    if (pending.length === 0) {
      return;
    }
    if (pendingTimer.current !== null) {
      window.clearTimeout(pendingTimer.current);
      pendingTimer.current = null;
    }
    setStatus({ tone: "success", text: t("dq.undone", { count: pending.length }) });
    setPending([]);
  };
  useEffect(() => () => {
    if (pendingTimer.current !== null) {
      window.clearTimeout(pendingTimer.current);
    }
  }, []);
  useHotkeys([{ combo: "mod+z", handler: undo }], pending.length > 0);

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
        {all.length > 0 ? <QueueFilterBar items={all} filters={filters} onChange={setFilters} /> : null}
        <div aria-live="polite">
          {pending.length > 0 ? (
            <div className="alert alert--info dispatch-pending" data-testid="dispatch-pending">
              <p>{pending.length === 1 ? t("dq.pending.one", { number: pending[0]?.ticket.trackingNumber ?? "", unit: pending[0]?.proposal.leadUnit ? format.name(pending[0].proposal.leadUnit) : "" }) : t("dq.pending.many", { count: pending.length })}</p>
              <div className="button-row">
                <Button variant="secondary" onClick={undo} data-testid="dispatch-undo" aria-keyshortcuts="Control+Z">
                  {t("dq.undo")}
                </Button>
                <Button variant="ghost" onClick={() => void sendNow(pending)} data-testid="dispatch-send-now">
                  {t("dq.sendNow")}
                </Button>
              </div>
            </div>
          ) : null}
          {status ? <Alert tone={status.tone} testId="dispatch-status">{status.text}</Alert> : null}
        </div>
        {checkedIds.size > 0 ? (
          <div className="button-row">
            <Button onClick={() => schedule(items.filter((item) => checkedIds.has(item.ticket.id)))} data-testid="dispatch-checked">
              {t("dq.dispatchChecked", { count: checkedIds.size })}
            </Button>
          </div>
        ) : null}
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
        {queue.data && all.length > 0 && items.length === 0 ? <p data-testid="dispatch-filtered-empty">{t("dq.filter.none")}</p> : null}
        {queue.data && all.length === 0 ? (
          <EmptyState testId="dispatch-empty" title={t("dq.empty.title")}>
            {t("dq.empty.body")}
          </EmptyState>
        ) : null}
        {items.length > 0 ? (
          <DispatchTable
            items={items}
            selectedId={selectedId}
            busyIds={busyIds}
            pendingIds={pendingIds}
            checkedIds={checkedIds}
            onCheck={(item, checked) =>
              setCheckedIds((prev) => {
                const next = new Set(prev);
                if (checked) {
                  next.add(item.ticket.id);
                } else {
                  next.delete(item.ticket.id);
                }
                return next;
              })
            }
            onDispatch={(item) => schedule([item])}
            onOpen={(item) => setSelectedId(item.ticket.id)}
          />
        ) : null}
      </section>
      {selected ? <DispatchPanel key={selected.ticket.id} item={selected} directory={directory} onDone={done} onClose={close} /> : null}
    </div>
  );
}
