import { useQuery } from "@apollo/client/react";
import { useFormat } from "@civicline/ui";
import { WorkbenchLeaderInstructionsDocument } from "../../gql/graphql.ts";
import { useInstructionT } from "./messages.ts";
import "./instructions.css";

/**
 * The leader's instructions (领导批示) on a ticket, at the top of the ticket in the unit's
 * workbench; nothing when there are none (or the unit may not read them).
 */
export function LeaderInstructions({ ticketId }: { ticketId: string }) {
  const t = useInstructionT();
  const format = useFormat();
  const { data } = useQuery(WorkbenchLeaderInstructionsDocument, { variables: { ticketId }, fetchPolicy: "cache-and-network" });
  const instructions = data?.leaderInstructions ?? [];
  if (instructions.length === 0) {
    return null;
  }
  return (
    <section className="leader-instructions" aria-labelledby="leader-instructions-title" data-testid="leader-instructions">
      <h3 id="leader-instructions-title">{t("wi.title")}</h3>
      <p className="leader-instructions__intro">{t("wi.intro")}</p>
      <ul className="plain-list">
        {instructions.map((instruction) => (
          <li key={instruction.id} className="leader-instructions__item" data-testid="leader-instruction">
            <p className="leader-instructions__text">{instruction.text}</p>
            <p className="leader-instructions__by">{t("wi.by", { name: instruction.leaderName, title: instruction.leaderTitle, at: format.dateTime(instruction.createdAt) })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
