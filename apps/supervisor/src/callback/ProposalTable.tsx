import { AppLink, StatusBadge, TableScroll, useFormat } from "@civicline/ui";
import type { ReReportProposalFieldsFragment } from "../gql/graphql.ts";
import { AnswersSummary, Reasons } from "./answers.tsx";
import { useSupervisorCallbackT } from "./messages.ts";

type Props = { items: readonly ReReportProposalFieldsFragment[]; selectedId: string | null; onOpen: (id: string) => void };

/** Pending proposals, oldest first; the tracking number opens the detail beside the list. */
export function ProposalTable({ items, selectedId, onOpen }: Props) {
  const t = useSupervisorCallbackT();
  const format = useFormat();
  return (
    <TableScroll label={t("sc.rr.caption")}>
      <table className="data-table" data-testid="proposal-table">
        <caption className="visually-hidden">{t("sc.rr.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sc.col.trackingNumber")}</th>
            <th scope="col">{t("sc.col.category")}</th>
            <th scope="col">{t("sc.col.unit")}</th>
            <th scope="col">{t("sc.col.answersReasons")}</th>
            <th scope="col" className="col-secondary">
              {t("sc.col.comment")}
            </th>
            <th scope="col">{t("sc.col.proposedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((proposal) => (
            <tr key={proposal.id} data-testid="proposal-row" data-proposal-id={proposal.id} className={proposal.id === selectedId ? "proposal-row proposal-row--selected" : "proposal-row"}>
              <td className="mono">
                <button
                  type="button"
                  className="link-button"
                  id={`proposal-open-${proposal.id}`}
                  aria-expanded={proposal.id === selectedId}
                  aria-controls="proposal-detail"
                  onClick={() => onOpen(proposal.id)}
                  data-testid="proposal-open"
                >
                  {proposal.trackingNumber}
                </button>
              </td>
              <td>{format.name(proposal.category)}</td>
              <td>{format.name(proposal.unit)}</td>
              <td>
                <AnswersSummary proposal={proposal} />
                <Reasons reasons={proposal.reasons} />
              </td>
              <td className="col-secondary proposal-comment">{proposal.comment ?? "—"}</td>
              <td>
                <time dateTime={proposal.createdAt}>{format.dateTime(proposal.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Decided proposals, most recently decided first: the decision, who, when, the note and where the ticket is now. */
export function DecidedTable({ items }: { items: readonly ReReportProposalFieldsFragment[] }) {
  const t = useSupervisorCallbackT();
  const format = useFormat();
  return (
    <TableScroll label={t("sc.rr.decidedCaption")}>
      <table className="data-table" data-testid="decided-table">
        <caption className="visually-hidden">{t("sc.rr.decidedCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sc.col.trackingNumber")}</th>
            <th scope="col">{t("sc.col.unit")}</th>
            <th scope="col">{t("sc.col.answers")}</th>
            <th scope="col">{t("sc.col.decision")}</th>
            <th scope="col">{t("sc.col.decidedAt")}</th>
            <th scope="col">{t("sc.col.note")}</th>
            <th scope="col">{t("sc.col.ticketStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((proposal) => (
            <tr key={proposal.id} data-testid="decided-row" data-state={proposal.state}>
              <td className="mono">
                <AppLink to={`tickets/${proposal.trackingNumber}`}>{proposal.trackingNumber}</AppLink>
              </td>
              <td>{format.name(proposal.unit)}</td>
              <td>
                <AnswersSummary proposal={proposal} />
              </td>
              <td>
                <span className={proposal.state === "ACCEPTED" ? "badge badge--active" : "badge badge--done"}>{t(`sc.state.${proposal.state}`)}</span>
              </td>
              <td>
                {proposal.decidedAt ? <time dateTime={proposal.decidedAt}>{format.dateTime(proposal.decidedAt)}</time> : "—"}
                {proposal.decidedBy ? <span className="stat__hint"> · {proposal.decidedBy}</span> : null}
              </td>
              <td className="proposal-comment">{proposal.decisionNote ?? "—"}</td>
              <td>
                <span data-testid="decided-ticket-status" data-status={proposal.ticket.status}>
                  <StatusBadge status={proposal.ticket.status} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
