import { useQuery, useSubscription } from "@apollo/client/react";
import { Alert, Button, EmptyState, Loading, useLiveStatus, useRoutingErrorMessage } from "@civicline/ui";
import { useState } from "react";
import { PendingExtensionsDocument, RoutingChangedDocument } from "../../gql/graphql.ts";
import { useSupervisorRoutingT } from "../messages.ts";
import { ExtensionCard } from "./ExtensionCard.tsx";

/** Fallback refresh for changes no push reports. */
const POLL_MS = 60_000;

/** Pending extension requests, oldest first, each decided on its own card; refreshed on every `routingChanged`. */
export function ExtensionRequestsPage() {
  const t = useSupervisorRoutingT();
  const errorMessage = useRoutingErrorMessage();
  const { data, loading, error, refetch } = useQuery(PendingExtensionsDocument, { fetchPolicy: "cache-and-network", pollInterval: POLL_MS });
  const [done, setDone] = useState<string | null>(null);
  const liveStatus = useLiveStatus();
  const live = useSubscription(RoutingChangedDocument, { onData: () => void refetch().catch(() => undefined) });
  const pending = (data?.pendingExtensions ?? [])
    .flatMap((assignment) => (assignment.extension?.status === "PENDING" ? [{ ...assignment, extension: assignment.extension }] : []))
    .sort((a, b) => Date.parse(a.extension.requestedAt) - Date.parse(b.extension.requestedAt));

  return (
    <section aria-labelledby="extensions-title" data-testid="extension-requests">
      <h1 id="extensions-title" tabIndex={-1}>
        {t("sr.ext.title")}
      </h1>
      <p className="page-intro">{t("sr.ext.intro")}</p>
      <div aria-live="polite">{done ? <Alert tone="success" testId="extension-done">{done}</Alert> : null}</div>
      {liveStatus === "reconnecting" || live.error ? <Alert tone="info">{t("sr.ext.liveLost")}</Alert> : null}
      {error && !data ? (
        <Alert>
          <p>{`${t("sr.ext.loadFailed")} ${errorMessage(error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : null}
      {loading && !data ? <Loading /> : null}
      {data && pending.length === 0 ? (
        <EmptyState testId="extension-empty" title={t("sr.ext.empty.title")}>
          {t("sr.ext.empty.body")}
        </EmptyState>
      ) : null}
      {pending.length > 0 ? (
        <ul className="plain-list extension-list">
          {pending.map((assignment) => (
            <ExtensionCard key={assignment.ticket.id} assignment={assignment} onDecided={setDone} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
