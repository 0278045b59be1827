import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { ticketDossier } from "./dossier.js";
import { TicketDossierType, UnitReReportCountType } from "./dossier.types.js";
import { reReportCounts } from "./re-report-counts.js";

/** The ticket page (everything about one ticket) and re-report counts per unit. */
@Resolver()
export class DossierResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => TicketDossierType, {
    description:
      "Everything about one ticket for the ticket page. Centre staff (callback agents: tickets with a callback task); handlers only tickets their unit has or had an assignment on. Unknown and not allowed give the same SUPERVISION/TICKET_NOT_FOUND.",
  })
  async ticketDossier(
    @Arg("trackingNumber", { description: "The tracking number, e.g. ZB-20261124-00017 (case and surrounding spaces ignored)." }) trackingNumber: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketDossierType> {
    return (await ticketDossier(this.services.dataSource, { actor: ctx.actor, trackingNumber })) as unknown as TicketDossierType;
  }

  @Query(() => [UnitReReportCountType], { description: "Accepted re-reports (续报) per unit in a period, most first; units without any are left out. Supervisors, leaders, admins." })
  async reReportCounts(
    @Arg("from", () => Date, { description: "Start (inclusive)." }) from: Date,
    @Arg("to", () => Date, { description: "End (exclusive); at most 400 days after the start." }) to: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<UnitReReportCountType[]> {
    return (await reReportCounts(this.services.dataSource, { actor: ctx.actor, from, to })) as unknown as UnitReReportCountType[];
  }
}
