import { Alert, Button, EmptyState, Loading, useErrorMessage, useT } from "@civicline/ui";
import { useCallback, useEffect, useRef, useState } from "react";
import type { QueueKind } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import "./queue.css";
import { EmergencyAlert } from "./EmergencyAlert.tsx";
import { QueueTable } from "./QueueTable.tsx";
import { QueueTabs } from "./QueueTabs.tsx";
import { TicketDetailPanel } from "./TicketDetailPanel.tsx";
import { useLiveQueue } from "./useLiveQueue.ts";
import { countOf, useQueueCounts } from "./useQueueCounts.ts";
import { useQueueRefresh } from "./useQueueRefresh.ts";

/** The work queues as tabs with live counts, the open emergencies on top, and a detail panel. */
export function QueuePage() {
  const t = useOperatorT();
  const tUi = useT();
  const errorMessage = useErrorMessage();
  const [kind, setKind] = useState<QueueKind>("RECEIVED");
  const counts = useQueueCounts();
  const queue = useLiveQueue(kind);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const lastOpened = useRef<string | null>(null);
  useQueueRefresh(countOf(counts, kind), queue.total, queue.refetch);

  const open = useCallback((id: string) => {
    lastOpened.current = id;
    setSelectedId(id);
  }, []);
  const close = useCallback(() => setSelectedId(null), []);

  useEffect(() => {
    // When the panel closes, give focus back to the row it was opened from.
    if (selectedId === null && lastOpened.current) {
      document.getElementById(`queue-row-${lastOpened.current}`)?.focus();
      lastOpened.current = null;
    }
  }, [selectedId]);

  const total = queue.total ?? 0;
  const items = queue.items ?? [];
  return (
    <div className={selectedId ? "queue-layout queue-layout--with-detail" : "queue-layout"}>
      <section className="queue-layout__list" aria-labelledby="queue-title">
        <div className="page-heading">
          <h1 id="queue-title">
            {t("queue.title")}{" "}
            <span className="count-badge" data-testid="queue-count" aria-label={t("queue.countLabel", { count: total })}>
              {total}
            </span>
          </h1>
        </div>
        <EmergencyAlert count={countOf(counts, "EMERGENCIES") ?? 0} showLink={kind !== "EMERGENCIES"} onShow={() => setKind("EMERGENCIES")} />
        <QueueTabs selected={kind} counts={counts} onSelect={setKind} />
        <div id="queue-panel" role="tabpanel" aria-labelledby={`queue-tab-${kind}`} className="queue-panel">
          <p className="visually-hidden" aria-live="polite">
            {queue.announcedTrackingNumber ? t("queue.announceNew", { number: queue.announcedTrackingNumber }) : ""}
          </p>
          {queue.liveInterrupted ? <Alert tone="info">{t("queue.liveLost")}</Alert> : null}
          {queue.error && !queue.items ? (
            <Alert>
              <p>{`${t("queue.loadFailed")} ${errorMessage(queue.error) ?? ""}`}</p>
              <Button variant="secondary" onClick={() => void queue.refetch().catch(() => undefined)}>
                {tUi("common.retry")}
              </Button>
            </Alert>
          ) : null}
          {queue.loading && !queue.items ? <Loading /> : null}
          {queue.items && items.length === 0 ? (
            <EmptyState testId="queue-empty" title={t(`queue.empty.${kind}`)}>
              {t("queue.empty.body")}
            </EmptyState>
          ) : null}
          {items.length > 0 ? (
            <>
              <QueueTable tickets={items} selectedId={selectedId} highlighted={queue.highlighted} onOpen={open} />
              {total > items.length ? <p className="queue-footnote">{t("queue.showing", { shown: items.length, total })}</p> : null}
            </>
          ) : null}
        </div>
      </section>
      {selectedId ? <TicketDetailPanel id={selectedId} onClose={close} /> : null}
    </div>
  );
}
