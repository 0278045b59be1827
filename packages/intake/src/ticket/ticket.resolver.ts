import { requireRole, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { submitRequest } from "./submit-request.js";
import { Ticket } from "./ticket.entity.js";
import { Channel } from "./ticket.enums.js";
import { SubmitRequestInput } from "./ticket.inputs.js";
import { getTicket, QUEUE_ROLES, trackTicket } from "./ticket-queries.js";
import { PublicTicketType, SubmitRequestPayloadType, TicketType } from "./ticket.types.js";

/** Topic published (via the outbox) when a ticket is received; payload `{ ticketId }`. */
export const TICKET_RECEIVED_TOPIC = "TICKET_RECEIVED";

@Resolver()
export class TicketResolver {
  constructor(private readonly services: AppServices) {}

  @Mutation(() => SubmitRequestPayloadType, { description: "A citizen submits a request on the portal; returns its tracking number. Public." })
  async submitRequest(
    @Arg("input", () => SubmitRequestInput, { description: "The request." }) input: SubmitRequestInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SubmitRequestPayloadType> {
    const ticket = await submitRequest({
      db: this.services.dataSource,
      cityPrefix: this.services.config.cityPrefix,
      actor: ctx.actor,
      channel: Channel.PORTAL,
      input,
    });
    ctx.log.info({ ticketId: ticket.id }, "request submitted on the portal");
    return { trackingNumber: ticket.trackingNumber, receivedAt: ticket.receivedAt };
  }

  @Query(() => PublicTicketType, {
    description: "A citizen tracks a request by tracking number and the phone it was filed with. Unknown number and wrong phone give the same INTAKE/TICKET_NOT_FOUND. Public.",
  })
  async trackTicket(
    @Arg("trackingNumber", { description: "e.g. ZB-20261124-00017" }) trackingNumber: string,
    @Arg("phone", { description: "The phone number given when filing." }) phone: string,
  ): Promise<PublicTicketType> {
    const { ticket, timeline } = await trackTicket(this.services.dataSource, { trackingNumber, phone });
    return {
      ...(ticket as unknown as PublicTicketType),
      timeline: timeline.map((entry) => ({ at: entry.at, status: entry.toStatus })),
    };
  }

  @Query(() => TicketType, { description: "One ticket with its history. Centre staff only." })
  async ticket(@Arg("id", () => ID, { description: "The ticket's id." }) id: string, @Ctx() ctx: RequestContext): Promise<TicketType> {
    return (await getTicket(this.services.dataSource, { actor: ctx.actor, id })) as unknown as TicketType;
  }

  @Subscription(() => TicketType, {
    description: "Pushes each newly received ticket to centre staff (operators, dispatchers, supervisors, leaders, admins).",
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      requireRole(ctx.actor, QUEUE_ROLES);
      return ctx.subscribe(TICKET_RECEIVED_TOPIC);
    },
  })
  async ticketReceived(@Root() payload: { ticketId: string }, @Ctx() ctx: RequestContext): Promise<TicketType> {
    const ticket: Ticket = await getTicket(this.services.dataSource, { actor: ctx.actor, id: payload.ticketId });
    return ticket as unknown as TicketType;
  }
}
