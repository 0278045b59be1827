import { useQuery, useSubscription } from "@apollo/client/react";
import { Alert, Button, EmptyState, Loading, useLiveStatus } from "@civicline/ui";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { CallbackChangedDocument, DecidedReReportsDocument, ReReportProposalsDocument } from "../gql/graphql.ts";
import { useCallbackErrorMessage } from "./callbackErrors.ts";
import { useSupervisorCallbackT } from "./messages.ts";
import { ProposalDetail } from "./ProposalDetail.tsx";
import { DecidedTable, ProposalTable } from "./ProposalTable.tsx";
import { SatisfactionCard } from "./SatisfactionCard.tsx";

export const PROPOSAL_LIMIT = 50;
/** Fallback refresh for changes no push reports. */
const POLL_MS = 60_000;
const TABS = ["pending", "decided"] as const;
type Tab = (typeof TABS)[number];

/** Re-report proposals: satisfaction of the period, the pending list with its detail and decision, and the decided ones. */
export function ReReportPage({ canDecide = true }: { canDecide?: boolean }) {
  const t = useSupervisorCallbackT();
  const errorMessage = useCallbackErrorMessage();
  const [tab, setTab] = useState<Tab>("pending");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const lastOpened = useRef<string | null>(null);
  const pending = useQuery(ReReportProposalsDocument, { variables: { state: "PENDING", limit: PROPOSAL_LIMIT }, fetchPolicy: "cache-and-network", pollInterval: POLL_MS });
  const decided = useQuery(DecidedReReportsDocument, { variables: { limit: PROPOSAL_LIMIT }, fetchPolicy: "cache-and-network", skip: tab !== "decided" });
  const liveStatus = useLiveStatus();
  const live = useSubscription(CallbackChangedDocument, { onData: () => void pending.refetch().catch(() => undefined) });

  const items = pending.data?.reReportProposals.items ?? [];
  const selected = items.find((item) => item.id === selectedId) ?? null;
  const decidedItems = useMemo(() => {
    const all = [...(decided.data?.accepted.items ?? []), ...(decided.data?.declined.items ?? []), ...(decided.data?.withdrawn.items ?? [])];
    return all.sort((a, b) => Date.parse(b.decidedAt ?? b.createdAt) - Date.parse(a.decidedAt ?? a.createdAt));
  }, [decided.data]);

  const open = useCallback((id: string) => {
    lastOpened.current = id;
    setSelectedId(id);
    setDone(null);
  }, []);
  const close = useCallback(() => setSelectedId(null), []);
  useEffect(() => {
    if (selectedId === null && lastOpened.current) {
      document.getElementById(`proposal-open-${lastOpened.current}`)?.focus();
      lastOpened.current = null;
    }
  }, [selectedId]);
  const onDecided = (message: string) => {
    lastOpened.current = null;
    setSelectedId(null);
    setDone(message);
    void pending.refetch().catch(() => undefined);
    requestAnimationFrame(() => document.getElementById("rereport-title")?.focus());
  };

  const moveTab = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (["ArrowRight", "ArrowLeft", "Home", "End"].includes(event.key)) {
      event.preventDefault();
      const next = tab === "pending" ? "decided" : "pending";
      setTab(next);
      document.getElementById(`proposal-tab-${next}`)?.focus();
    }
  };

  return (
    <section aria-labelledby="rereport-title" data-testid="rereport-page">
      <h1 id="rereport-title" tabIndex={-1}>
        {t("sc.rr.title")}
      </h1>
      <p className="page-intro">{t("sc.rr.intro")}</p>
      <SatisfactionCard />
      <div aria-live="polite">{done ? <Alert tone="success" testId="proposal-done">{done}</Alert> : null}</div>
      {liveStatus === "reconnecting" || live.error ? <Alert tone="info">{t("sc.rr.liveLost")}</Alert> : null}
      <div className="proposal-tabs" role="tablist" aria-label={t("sc.rr.tabs")}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`proposal-tab-${name}`}
            data-testid={`proposal-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="proposal-panel"
            tabIndex={tab === name ? 0 : -1}
            className="proposal-tab"
            onClick={() => setTab(name)}
            onKeyDown={moveTab}
          >
            {t(`sc.rr.tab.${name}`)}
            {name === "pending" && pending.data ? (
              <span className="proposal-tab__count" data-testid="proposal-count">
                {pending.data.reReportProposals.total}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div id="proposal-panel" role="tabpanel" aria-labelledby={`proposal-tab-${tab}`}>
        {tab === "pending" ? (
          <>
            {pending.error && !pending.data ? (
              <Alert>
                <p>{`${t("sc.rr.loadFailed")} ${errorMessage(pending.error) ?? ""}`}</p>
                <Button variant="secondary" onClick={() => void pending.refetch().catch(() => undefined)}>
                  {t("common.retry")}
                </Button>
              </Alert>
            ) : null}
            {pending.loading && !pending.data ? <Loading /> : null}
            {pending.data && items.length === 0 ? (
              <EmptyState testId="proposal-empty" title={t("sc.rr.empty.title")}>
                {t("sc.rr.empty.body")}
              </EmptyState>
            ) : null}
            {items.length > 0 ? (
              <div className={selected ? "proposal-layout proposal-layout--with-detail" : "proposal-layout"}>
                <ProposalTable items={items} selectedId={selectedId} onOpen={open} />
                {selected ? <ProposalDetail key={selected.id} proposal={selected} canDecide={canDecide} onClose={close} onDecided={onDecided} /> : null}
              </div>
            ) : null}
            {pending.data && pending.data.reReportProposals.total > items.length ? (
              <p className="stat__hint">{t("sc.rr.showing", { shown: items.length, total: pending.data.reReportProposals.total })}</p>
            ) : null}
          </>
        ) : (
          <>
            {decided.error && !decided.data ? <Alert>{`${t("sc.rr.loadFailed")} ${errorMessage(decided.error) ?? ""}`}</Alert> : null}
            {decided.loading && !decided.data ? <Loading /> : null}
            {decided.data && decidedItems.length === 0 ? (
              <EmptyState testId="decided-empty" title={t("sc.rr.decidedEmpty.title")}>
                {t("sc.rr.decidedEmpty.body")}
              </EmptyState>
            ) : null}
            {decidedItems.length > 0 ? <DecidedTable items={decidedItems} /> : null}
          </>
        )}
      </div>
    </section>
  );
}
