import { Alert, Button, Kbd } from "@civicline/ui";
import { useEffect, useRef } from "react";
import type { LoggedTicketFragment } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { SHORTCUTS } from "./shortcuts.ts";

/** Statuses that end the call-taker's part. */
export const FINISHED_STATUSES = new Set(["CLOSED_DIRECT", "AWAITING_DISPATCH", "MERGED", "DISPATCHED"]);

/** What became of the call, with the way to the next one. */
export function CallDone({ ticket, mergedInto, onNewCall }: { ticket: LoggedTicketFragment; mergedInto?: string | null; onNewCall: () => void }) {
  const t = useOperatorT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const outcome =
    ticket.status === "CLOSED_DIRECT"
      ? t("done.answered", { number: ticket.trackingNumber })
      : ticket.status === "MERGED"
        ? t("done.merged", { number: mergedInto ?? ticket.trackingNumber })
        : t("done.dispatched", { number: ticket.trackingNumber });
  return (
    <section className="card call-done" data-testid="call-done" data-status={ticket.status} aria-labelledby="call-done-title">
      <h2 id="call-done-title" ref={headingRef} tabIndex={-1}>
        {t("done.title")}
      </h2>
      <Alert tone="success">
        <p data-testid="call-done-outcome">{outcome}</p>
      </Alert>
      <div className="button-row">
        <Button onClick={onNewCall}>
          {t("desk.newCall")} <Kbd combo={SHORTCUTS.newCall} />
        </Button>
      </div>
    </section>
  );
}
