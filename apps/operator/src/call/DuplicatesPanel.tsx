import { Button, StatusBadge, useFormat } from "@civicline/ui";
import { useState } from "react";
import type { DuplicateCandidatesQuery } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { excerpt } from "../queue/QueueTable.tsx";

type Candidate = DuplicateCandidatesQuery["duplicateCandidates"][number];

export type DuplicatesPanelProps = {
  candidates: readonly Candidate[];
  loading: boolean;
  active: boolean;
  busy: boolean;
  /** Saves the call first when needed, then merges it; resolves true on success. */
  onMerge: (intoTicketId: string) => Promise<boolean>;
};

/**
 * The server gives its reasons in English ("same address", "similar description 64 %"); known ones
 * are worded in the UI language, anything else is shown as sent.
 */
export function useReasonLabel(): (reason: string) => string {
  const t = useOperatorT();
  return (reason) => {
    const similar = /^similar (address|description) (\d+\s*%)$/.exec(reason.trim());
    if (similar) {
      return t(similar[1] === "address" ? "dup.reason.similarAddress" : "dup.reason.similarText", { percent: similar[2] ?? "" });
    }
    if (reason === "same address") {
      return t("dup.reason.sameAddress");
    }
    if (reason === "same township") {
      return t("dup.reason.sameTownship");
    }
    return reason;
  };
}

/** 并单: open tickets that look like the same matter, each with why; merging asks for confirmation. */
export function DuplicatesPanel({ candidates, loading, active, busy, onMerge }: DuplicatesPanelProps) {
  const t = useOperatorT();
  const format = useFormat();
  const [confirming, setConfirming] = useState<Candidate | null>(null);
  const reason = useReasonLabel();

  return (
    <section className="call-side card" aria-labelledby="dup-title" data-testid="duplicate-candidates" aria-busy={loading || undefined}>
      <h2 id="dup-title">
        {t("dup.title")} {candidates.length > 0 ? <span className="count-badge">{candidates.length}</span> : null}
      </h2>
      <p className="visually-hidden" aria-live="polite">
        {candidates.length > 0 ? t("dup.announce", { count: candidates.length }) : ""}
      </p>
      {!active ? <p className="call-side__hint">{t("dup.hint")}</p> : null}
      {active && !loading && candidates.length === 0 ? <p className="call-side__hint">{t("dup.none")}</p> : null}
      <ul className="dup-list">
        {candidates.map((candidate) => {
          const ticket = candidate.ticket;
          const isConfirming = confirming?.ticket.id === ticket.id;
          return (
            <li key={ticket.id} className="dup-list__item" data-testid="duplicate-candidate" data-ticket-id={ticket.id}>
              <p className="dup-list__head">
                <span className="mono">{ticket.trackingNumber}</span> <StatusBadge status={ticket.status} />{" "}
                <time dateTime={ticket.receivedAt}>{format.dateTime(ticket.receivedAt)}</time>
              </p>
              <p className="dup-list__address">
                {[ticket.township ? format.name(ticket.township) : null, ticket.address].filter(Boolean).join(" · ")}
              </p>
              <p className="dup-list__text">{excerpt(ticket.description, 80)}</p>
              <p className="dup-list__reasons">
                {t("dup.reasons")} {candidate.reasons.map(reason).join(t("dup.reasonSeparator"))}
              </p>
              {isConfirming ? (
                <div className="dup-confirm" role="group" aria-label={t("dup.confirmLabel", { number: ticket.trackingNumber })}>
                  <p>{t("dup.confirm", { number: ticket.trackingNumber })}</p>
                  <div className="button-row">
                    <Button
                      autoFocus
                      busy={busy}
                      data-testid="merge-confirm"
                      onClick={() => void onMerge(ticket.id).then((ok) => ok && setConfirming(null))}
                    >
                      {t("dup.confirmMerge")}
                    </Button>
                    <Button variant="ghost" onClick={() => setConfirming(null)} data-testid="merge-cancel">
                      {t("dup.cancel")}
                    </Button>
                  </div>
                </div>
              ) : (
                <Button variant="secondary" onClick={() => setConfirming(candidate)} data-testid="merge-into">
                  {t("dup.merge")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
