import { TicketPage } from "@civicline/ui";
import { TicketDossierDocument } from "../../gql/graphql.ts";
import { ticketPagePanels } from "./panels.tsx";

/** The operator app's ticket page, `tickets/<tracking number>`, with the features' panels. */
export function OperatorTicketPage({ trackingNumber, roles }: { trackingNumber: string; roles: readonly string[] }) {
  return <TicketPage key={trackingNumber} trackingNumber={trackingNumber} document={TicketDossierDocument} roles={roles} panels={ticketPagePanels} />;
}
