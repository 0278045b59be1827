import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Loading, useRoutingErrorMessage } from "@civicline/ui";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { UnitInboxDocument, WorkbenchViewerDocument } from "../gql/graphql.ts";
import { CitizenAdditions } from "./additions/CitizenAdditions.tsx";
import { AssignmentPanel } from "./AssignmentPanel.tsx";
import { deadlineCounts, sortByDeadline } from "./inbox.ts";
import { InboxTable } from "./InboxTable.tsx";
import { useWorkbenchT } from "./messages.ts";
import { useRoutingLive } from "./useRoutingLive.ts";
import { UnitOrders } from "./orders/UnitOrders.tsx";

/** Working minutes left come from the server: refresh now and then so the countdowns stay true. */
export const INBOX_POLL_MS = 60_000;
const LIVE_QUERIES = ["UnitInbox", "WorkbenchAssignment", "WorkbenchLeaderInstructions", "UnreadCitizenAdditions"];

/** The handling unit's workbench: the inbox by deadline, kept live, and the open ticket beside it. */
export function WorkbenchPage() {
  const t = useWorkbenchT();
  const errorMessage = useRoutingErrorMessage();
  const [includeClosed, setIncludeClosed] = useState(false);
  const viewer = useQuery(WorkbenchViewerDocument);
  const inbox = useQuery(UnitInboxDocument, { variables: { includeClosed }, fetchPolicy: "cache-and-network", pollInterval: INBOX_POLL_MS });
  const { liveInterrupted } = useRoutingLive(LIVE_QUERIES);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const lastOpened = useRef<string | null>(null);

  const open = useCallback((id: string) => {
    lastOpened.current = id;
    setSelectedId(id);
  }, []);
  const close = useCallback(() => setSelectedId(null), []);
  useEffect(() => {
    // When the panel closes, give focus back to the row it was opened from.
    if (selectedId === null && lastOpened.current) {
      document.getElementById(`inbox-row-${lastOpened.current}`)?.focus();
      lastOpened.current = null;
    }
  }, [selectedId]);

  const items = useMemo(() => sortByDeadline(inbox.data?.unitInbox ?? []), [inbox.data]);
  const counts = deadlineCounts(items);
  const unitId = viewer.data?.me?.unitId ?? null;
  return (
    <div className={selectedId ? "queue-layout queue-layout--with-detail" : "queue-layout"}>
      <section className="queue-layout__list" aria-labelledby="workbench-title">
        <div className="page-heading">
          <h1 id="workbench-title" tabIndex={-1}>
            {t("wb.title")}{" "}
            <span className="count-badge" data-testid="inbox-count" aria-label={t("wb.inbox.count", { count: items.length })}>
              {items.length}
            </span>
          </h1>
        </div>
        <CitizenAdditions onOpen={open} />
        <UnitOrders />
        {counts.overdue + counts.nearDue > 0 ? (
          <p className="inbox-summary" data-testid="inbox-summary">
            {t("wb.inbox.summary", counts)}
          </p>
        ) : null}
        <label className="checkbox">
          <input type="checkbox" checked={includeClosed} onChange={(event) => setIncludeClosed(event.target.checked)} /> {t("wb.inbox.includeClosed")}
        </label>
        {liveInterrupted ? <Alert tone="info">{t("wb.live.lost")}</Alert> : null}
        {inbox.error && !inbox.data ? (
          <Alert>
            <p>{`${t("wb.inbox.loadFailed")} ${errorMessage(inbox.error) ?? ""}`}</p>
            <Button variant="secondary" onClick={() => void inbox.refetch().catch(() => undefined)}>
              {t("common.retry")}
            </Button>
          </Alert>
        ) : null}
        {inbox.loading && !inbox.data ? <Loading /> : null}
        {inbox.data && items.length === 0 ? (
          <EmptyState testId="inbox-empty" title={t("wb.inbox.empty.title")}>
            {t("wb.inbox.empty.body")}
          </EmptyState>
        ) : null}
        {items.length > 0 ? <InboxTable items={items} unitId={unitId} selectedId={selectedId} onOpen={open} /> : null}
      </section>
      {selectedId ? <AssignmentPanel key={selectedId} ticketId={selectedId} unitId={unitId} onClose={close} /> : null}
    </div>
  );
}
