import { useQuery } from "@apollo/client/react";
import { Loading, useFormat } from "@civicline/ui";
import { LeadersDocument, TicketLeaderInfoDocument } from "../gql/graphql.ts";
import type { TicketPanelProps } from "../tickets/page/panels.tsx";
import { AssignMatterForm } from "./AssignMatterForm.tsx";
import { useLeaderT } from "./messages.ts";

const ASSIGNERS = ["SUPERVISOR", "ADMIN"];
const READERS = ["SUPERVISOR", "ADMIN", "LEADER", "DISPATCHER", "OPERATOR", "CALLBACK_AGENT", "QA_INSPECTOR"];

function Assign({ ticketId, onChanged }: { ticketId: string; onChanged: () => void }) {
  const leaders = useQuery(LeadersDocument, { fetchPolicy: "cache-and-network" });
  return leaders.data ? <AssignMatterForm leaders={leaders.data.leaders} ticketId={ticketId} onAssigned={onChanged} /> : null;
}

/** The ticket page's panel: the leaders it is assigned to, their instructions, and (supervisors, admins) assign to a leader. */
export function LeaderTicketPanel({ ticketId, roles, onChanged }: TicketPanelProps) {
  const t = useLeaderT();
  const format = useFormat();
  const canRead = roles.some((role) => READERS.includes(role));
  const { data, loading } = useQuery(TicketLeaderInfoDocument, { variables: { ticketId }, skip: !canRead, fetchPolicy: "cache-and-network" });
  if (!canRead) {
    return null;
  }
  return (
    <section className="card leader-panel" aria-labelledby="leader-panel-title" data-testid="leader-panel">
      <h2 id="leader-panel-title">{t("ld.panel.title")}</h2>
      {loading && !data ? <Loading /> : null}
      {data ? (
        <>
          {data.ticketLeaderMatters.length === 0 ? (
            <p className="leader-muted">{t("ld.panel.none")}</p>
          ) : (
            <ul className="plain-list">
              {data.ticketLeaderMatters.map((matter) => (
                <li key={matter.id}>
                  {t("ld.panel.assignedTo", { leader: matter.leaderName, by: matter.assignedByName, at: format.dateTime(matter.assignedAt) })}
                  {matter.title ? ` · ${matter.title}` : ""}
                </li>
              ))}
            </ul>
          )}
          <h3>{t("ld.panel.instructions")}</h3>
          {data.leaderInstructions.length === 0 ? (
            <p className="leader-muted">{t("ld.panel.noInstructions")}</p>
          ) : (
            <ul className="plain-list">
              {data.leaderInstructions.map((instruction) => (
                <li key={instruction.id} className="leader-instruction">
                  <blockquote>{instruction.text}</blockquote>
                  <p className="leader-muted">{t("ld.instruction.by", { name: instruction.leaderName, title: instruction.leaderTitle, at: format.dateTime(instruction.createdAt) })}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {roles.some((role) => ASSIGNERS.includes(role)) ? (
        <>
          <h3>{t("ld.assign.title")}</h3>
          <Assign ticketId={ticketId} onChanged={onChanged} />
        </>
      ) : null}
    </section>
  );
}
