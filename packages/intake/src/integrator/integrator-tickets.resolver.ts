import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { PublicTicketType } from "../ticket/ticket.types.js";
import { integratorTicket, integratorTickets, type IntegratorTicket } from "./integrator-tickets.js";

function toPublic({ ticket, timeline }: IntegratorTicket): PublicTicketType {
  return { ...(ticket as unknown as PublicTicketType), timeline: timeline.map((entry) => ({ at: entry.at, status: entry.toStatus })) };
}

@Resolver()
export class IntegratorTicketsResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => PublicTicketType, {
    description:
      "An integrator reads a ticket it created (API key with the tickets:read scope): status and public timeline, as the citizen sees it. Another's ticket: INTAKE/TICKET_NOT_FOUND.",
  })
  async integratorTicket(@Arg("trackingNumber", { description: "e.g. ZB-20261124-00017" }) trackingNumber: string, @Ctx() ctx: RequestContext): Promise<PublicTicketType> {
    return toPublic(await integratorTicket(this.services.dataSource, { actor: ctx.actor, trackingNumber }));
  }

  @Query(() => [PublicTicketType], {
    description: "The tickets an integrator created, newest first (API key with the tickets:read scope). Page with `before` = the last ticket's receivedAt.",
  })
  async integratorTickets(
    @Arg("first", () => Int, { nullable: true, description: "1–100, default 20." }) first: number | null,
    @Arg("before", () => Date, { nullable: true, description: "Only tickets received before this (the previous page's last receivedAt)." }) before: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PublicTicketType[]> {
    return (await integratorTickets(this.services.dataSource, { actor: ctx.actor, first, before })).map(toPublic);
  }
}
