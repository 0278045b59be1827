import { useQuery, useSubscription } from "@apollo/client/react";
import { Alert, Button, EmptyState, Loading, useFormat, useLiveStatus } from "@civicline/ui";
import { useState } from "react";
import { LeaderPageChangedDocument, LeaderPageDocument, type LeaderPageQuery } from "../gql/graphql.ts";
import { LeaderTicketTable } from "./LeaderTicketTable.tsx";
import { useLeaderErrors, useLeaderT } from "./messages.ts";

type Matter = LeaderPageQuery["leaderPage"]["matters"][number];

/** One assigned matter (领导包案): its name, who assigned it, its deadline and status, and its tickets. */
function MatterCard({ matter, canInstruct, onInstructed }: { matter: Matter; canInstruct: boolean; onInstructed: (message: string) => void }) {
  const t = useLeaderT();
  const format = useFormat();
  const titleId = `matter-${matter.id}`;
  const heading = matter.title ?? matter.tickets[0]?.trackingNumber ?? "";
  return (
    <li className="card leader-matter" aria-labelledby={titleId} data-testid="leader-matter">
      <div className="leader-matter__header">
        <h3 id={titleId}>
          <span className="badge badge--muted">{format.enumValue("LeaderMatterKind", matter.kind)}</span> {heading}
        </h3>
        <span className={`badge ${matter.status === "DONE" ? "badge--success" : "badge--warning"}`}>{format.enumValue("LeaderMatterStatus", matter.status)}</span>
      </div>
      <p className="leader-muted">
        {t("ld.matter.assigned", { by: matter.assignedByName, at: format.dateTime(matter.assignedAt) })}
        {matter.dueAt ? ` · ${t("ld.matter.due", { at: format.date(matter.dueAt) })}` : ""}
      </p>
      {matter.note ? <p>{t("ld.matter.note", { note: matter.note })}</p> : null}
      <LeaderTicketTable caption={heading} tickets={matter.tickets} canInstruct={canInstruct} onInstructed={onInstructed} testId="matter-tickets" />
    </li>
  );
}

/**
 * The leader's own page (their landing page): assigned matters, calls taken in sessions, sessions;
 * live. With `leaderId`, a supervisor's read-only view of that leader's page (no instructions, no push).
 */
export function LeaderPage({ leaderId }: { leaderId?: string } = {}) {
  const t = useLeaderT();
  const format = useFormat();
  const errors = useLeaderErrors();
  const own = !leaderId;
  const Sub = own ? "h2" : "h3";
  const { data, loading, error, refetch } = useQuery(LeaderPageDocument, { variables: own ? {} : { leaderId }, fetchPolicy: "cache-and-network" });
  const live = useSubscription(LeaderPageChangedDocument, { skip: !own, onData: () => void refetch().catch(() => undefined) });
  const liveStatus = useLiveStatus();
  const [done, setDone] = useState<string | null>(null);
  const page = data?.leaderPage;
  return (
    <section aria-labelledby="leader-title" data-testid="leader-page" className="leader-page">
      {own ? (
        <>
          <h1 id="leader-title" tabIndex={-1}>
            {t("ld.page.title")}
          </h1>
          <p className="page-intro">{t("ld.page.intro")}</p>
        </>
      ) : (
        <h2 id="leader-title">{t("ld.cases.of", { name: page?.leaderName ?? "" })}</h2>
      )}
      <div aria-live="polite">{done ? <Alert tone="success" testId="instruction-done">{done}</Alert> : null}</div>
      {liveStatus === "reconnecting" || live.error ? <Alert tone="info">{t("ld.page.liveLost")}</Alert> : null}
      {error && !page ? (
        <Alert>
          <p>{`${t("ld.page.loadFailed")} ${errors.message(error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : null}
      {loading && !page ? <Loading /> : null}
      {page ? (
        <>
          <Sub>{t(own ? "ld.matters.title" : "ld.cases.matters")}</Sub>
          {page.matters.length === 0 ? (
            <EmptyState testId="matters-empty" title={t("ld.matters.empty.title")}>
              {t("ld.matters.empty.body")}
            </EmptyState>
          ) : (
            <ul className="plain-list leader-matters">
              {page.matters.map((matter) => (
                <MatterCard key={matter.id} matter={matter} canInstruct={own} onInstructed={setDone} />
              ))}
            </ul>
          )}
          <Sub>{t(own ? "ld.sessionTickets.title" : "ld.cases.sessionTickets")}</Sub>
          {page.sessionTickets.length === 0 ? (
            <EmptyState testId="session-tickets-empty" title={t("ld.sessionTickets.empty.title")}>
              {t("ld.sessionTickets.empty.body")}
            </EmptyState>
          ) : (
            <LeaderTicketTable caption={t(own ? "ld.sessionTickets.title" : "ld.cases.sessionTickets")} tickets={page.sessionTickets} canInstruct={own} onInstructed={setDone} testId="session-tickets" />
          )}
          <Sub>{t(own ? "ld.sessions.title" : "ld.cases.sessions")}</Sub>
          {page.sessions.length === 0 ? (
            <p className="leader-muted">{t("ld.sessions.empty")}</p>
          ) : (
            <ul className="leader-session-list" data-testid="leader-sessions">
              {page.sessions.map((session) => (
                <li key={session.id}>
                  {t("ld.session.line", {
                    start: format.dateTime(session.startsAt),
                    end: format.dateTime(session.endsAt),
                    seat: session.seat,
                    title: session.leaderTitle,
                    unit: session.leaderUnit,
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
