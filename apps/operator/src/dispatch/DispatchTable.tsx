import { Button, DeadlineCountdown, TableScroll, UrgencyBadge, useFormat, useNow } from "@civicline/ui";
import type { KeyboardEvent } from "react";
import { useDispatchT } from "./messages.ts";
import { ProposalText } from "./ProposalText.tsx";
import { canQuickDispatch, firstLine, type QueueItem } from "./queue.ts";

export type DispatchTableProps = {
  items: readonly QueueItem[];
  selectedId: string | null;
  busyIds: ReadonlySet<string>;
  /** Sends the ticket where routing proposed. */
  onDispatch: (item: QueueItem) => void;
  /** Opens the ticket to choose units or decide a return. */
  onOpen: (item: QueueItem) => void;
  /** Tickets ticked for dispatching several at once (only those with a proposal can be ticked). */
  checkedIds?: ReadonlySet<string>;
  onCheck?: (item: QueueItem, checked: boolean) => void;
  /** Tickets about to be dispatched (the undo is still open). */
  pendingIds?: ReadonlySet<string>;
};

/**
 * The queue as focusable rows. On a row, Enter dispatches to the proposal (or opens the ticket when
 * there is no proposal or a return to decide); Space opens it. Buttons in the row do the same.
 */
export function DispatchTable({ items, selectedId, busyIds, onDispatch, onOpen, checkedIds, onCheck, pendingIds }: DispatchTableProps) {
  const t = useDispatchT();
  const format = useFormat();
  const now = useNow();
  const onKeyDown = (item: QueueItem) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget) {
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      if (canQuickDispatch(item)) {
        onDispatch(item);
      } else {
        onOpen(item);
      }
    } else if (event.key === " ") {
      event.preventDefault();
      onOpen(item);
    }
  };
  return (
    <TableScroll label={t("dq.caption")}>
      <table className="queue-table queue-table--dense" data-testid="dispatch-queue">
        <caption className="visually-hidden">{t("dq.caption")}</caption>
        <thead>
          <tr>
            {onCheck ? (
              <th scope="col">
                <span className="visually-hidden">{t("dq.col.select")}</span>
              </th>
            ) : null}
            <th scope="col">{t("dq.col.trackingNumber")}</th>
            <th scope="col">{t("dq.col.request")}</th>
            <th scope="col" className="col-secondary">
              {t("dq.col.location")}
            </th>
            <th scope="col" className="col-secondary">
              {t("dq.col.received")}
            </th>
            <th scope="col">{t("dq.col.proposal")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const { ticket, pendingReturn } = item;
            const selected = ticket.id === selectedId;
            const pending = pendingIds?.has(ticket.id) ?? false;
            const busy = busyIds.has(ticket.id) || pending;
            const classes = ["queue-row", pendingReturn ? "dispatch-row--returned" : "", ticket.urgency === "EMERGENCY" ? "queue-row--emergency" : "", selected ? "queue-row--selected" : ""];
            return (
              <tr
                key={ticket.id}
                id={`dispatch-row-${ticket.id}`}
                data-testid="dispatch-row"
                data-ticket-id={ticket.id}
                data-returned={pendingReturn ? "true" : undefined}
                className={classes.filter(Boolean).join(" ")}
                tabIndex={0}
                aria-current={selected ? "true" : undefined}
                aria-busy={busy || undefined}
                onClick={(event) => (event.target instanceof Element && event.target.closest("button") ? undefined : onOpen(item))}
                onKeyDown={onKeyDown(item)}
                data-pending={pending || undefined}
              >
                {onCheck ? (
                  <td>
                    <input
                      type="checkbox"
                      checked={checkedIds?.has(ticket.id) ?? false}
                      disabled={!canQuickDispatch(item) || pending}
                      onChange={(event) => onCheck(item, event.target.checked)}
                      aria-label={t("dq.select", { number: ticket.trackingNumber })}
                      data-testid="dispatch-row-check"
                    />
                  </td>
                ) : null}
                <td className="mono">
                  {ticket.trackingNumber}
                  {ticket.urgency !== "NORMAL" ? (
                    <>
                      {" "}
                      <UrgencyBadge urgency={ticket.urgency} />
                    </>
                  ) : null}
                  {pendingReturn ? (
                    <p className="returned-flag" data-testid="dispatch-returned">
                      {t("dq.returned", { unit: format.name(pendingReturn.unit), reason: t(`rt.ReturnReason.${pendingReturn.reason}`) })}
                    </p>
                  ) : null}
                </td>
                <td>
                  <span className="inbox-subject">{ticket.title || format.name(ticket.category)}</span>
                  <span className="inbox-subject__meta">
                    {format.requestType(ticket.requestType)} · {format.name(ticket.category)} · {format.channel(ticket.channel)}
                  </span>
                  <span className="dispatch-first-line" data-testid="dispatch-first-line">
                    {firstLine(ticket.description)}
                  </span>
                </td>
                <td className="col-secondary">{[ticket.district, ticket.township].flatMap((area) => (area ? [format.name(area)] : [])).join(" · ")}</td>
                <td className="col-secondary">
                  <time dateTime={ticket.receivedAt}>{format.dateTime(ticket.receivedAt)}</time>
                  <span className="dispatch-due" data-testid="dispatch-due">
                    {Date.parse(item.dispatchDueAt) <= now.getTime() ? (
                      <DeadlineCountdown dueAt={item.dispatchDueAt} state="OVERDUE" now={now} />
                    ) : (
                      t("dq.dispatchBy", { at: format.dateTime(item.dispatchDueAt) })
                    )}
                  </span>
                </td>
                <td>
                  <ProposalText item={item} testId="dispatch-proposal" />
                  <div className="row-actions">
                    {canQuickDispatch(item) && item.proposal.leadUnit ? (
                      <Button
                        busy={busy}
                        onClick={() => onDispatch(item)}
                        tabIndex={-1}
                        aria-label={t("dq.dispatchTo", { unit: format.name(item.proposal.leadUnit) })}
                        data-testid="dispatch-row-submit"
                      >
                        {t("dq.form.submit")}
                      </Button>
                    ) : null}
                    <Button variant="secondary" onClick={() => onOpen(item)} tabIndex={-1} data-testid="dispatch-row-open">
                      {t("dq.choose")}
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
