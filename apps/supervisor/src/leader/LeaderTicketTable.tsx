import { StatusBadge, TableScroll, useFormat } from "@civicline/ui";
import { Fragment, useState } from "react";
import type { LeaderTicketFieldsFragment } from "../gql/graphql.ts";
import { InstructionForm } from "./InstructionForm.tsx";
import { useLeaderT } from "./messages.ts";

type Props = {
  caption: string;
  tickets: readonly LeaderTicketFieldsFragment[];
  /** Whether the viewer (the leader) may add instructions. */
  canInstruct: boolean;
  onInstructed: (message: string) => void;
  testId: string;
};

/** Tickets with status, lead unit, deadline and outcome; a leader opens an instruction form under a row. */
export function LeaderTicketTable({ caption, tickets, canInstruct, onInstructed, testId }: Props) {
  const t = useLeaderT();
  const format = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const columns = canInstruct ? 7 : 6;
  return (
    <TableScroll label={caption}>
      <table className="data-table leader-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ld.col.trackingNumber")}</th>
            <th scope="col">{t("ld.col.summary")}</th>
            <th scope="col">{t("ld.col.status")}</th>
            <th scope="col">{t("ld.col.unit")}</th>
            <th scope="col">{t("ld.col.due")}</th>
            <th scope="col">{t("ld.col.outcome")}</th>
            {canInstruct ? <th scope="col">{t("ld.col.instruct")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <Fragment key={ticket.ticketId}>
              <tr data-testid="leader-ticket-row" data-tracking-number={ticket.trackingNumber}>
                <td className="mono">{ticket.trackingNumber}</td>
                <td className="leader-summary">{ticket.summary}</td>
                <td>
                  <StatusBadge status={ticket.status} />
                  {ticket.overdue ? <span className="badge badge--danger leader-overdue">{t("ld.overdue")}</span> : null}
                </td>
                <td>{ticket.leadUnitName ?? t("ld.notDispatched")}</td>
                <td className="nowrap">{ticket.dueAt ? format.dateTime(ticket.dueAt) : "—"}</td>
                <td>
                  {ticket.outcome ? (
                    <>
                      <strong>{format.enumValue("ReplyOutcome", ticket.outcome)}</strong>
                      {ticket.replyText ? <p className="leader-reply">{ticket.replyText}</p> : null}
                    </>
                  ) : (
                    t("ld.noOutcome")
                  )}
                </td>
                {canInstruct ? (
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open === ticket.ticketId}
                      aria-label={t("ld.instruct.openFor", { number: ticket.trackingNumber })}
                      onClick={() => setOpen(open === ticket.ticketId ? null : ticket.ticketId)}
                      data-testid="instruction-open"
                    >
                      {t("ld.instruct.open")}
                    </button>
                    {ticket.instructionCount > 0 ? <div className="leader-muted">{t("ld.instructions", { count: ticket.instructionCount })}</div> : null}
                  </td>
                ) : null}
              </tr>
              {open === ticket.ticketId ? (
                <tr>
                  <td colSpan={columns}>
                    <InstructionForm
                      ticketId={ticket.ticketId}
                      trackingNumber={ticket.trackingNumber}
                      onCancel={() => setOpen(null)}
                      onDone={(message) => {
                        setOpen(null);
                        onInstructed(message);
                      }}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
