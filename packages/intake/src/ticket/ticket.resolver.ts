import { byRolesAndUnit, DomainError, requireRole, shareSubscription, smsSenderFor, type AppServices, type RequestContext } from "@civicline/platform";
import { sendTrackingNumber } from "../portal/tracking-sms.js";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { submitRequest } from "./submit-request.js";
import { Ticket } from "./ticket.entity.js";
import { Channel } from "./ticket.enums.js";
import { SubmitRequestInput } from "./ticket.inputs.js";
import { selectedTicketParts } from "./ticket-details.js";
import { getTicket, QUEUE_ROLES, trackTicket } from "./ticket-queries.js";
import { PublicTicketType, SubmitRequestPayloadType, TicketType } from "./ticket.types.js";

/** Topic published (via the outbox) when a ticket is received; payload `{ ticketId }`. */
export const TICKET_RECEIVED_TOPIC = "TICKET_RECEIVED";

// A pushed ticket depends on the viewer's roles only (access, phone masking: citizenIdentityFor):
// the gateway loads and renders it once per event for each set of roles and fans it out.
shareSubscription("ticketReceived", byRolesAndUnit);

/** The ticket of each `ticketReceived` event being delivered on this instance (the event object is shared by all its subscribers). */
const receivedTickets = new WeakMap<object, Promise<Ticket | null>>();

@Resolver()
export class TicketResolver {
  constructor(private readonly services: AppServices) {}

  @Mutation(() => SubmitRequestPayloadType, {
    description: "A citizen submits a request on the portal; returns its tracking number (texted to the phone too when `sendTrackingSms`). Public.",
  })
  async submitRequest(
    @Arg("input", () => SubmitRequestInput, { description: "The request." }) input: SubmitRequestInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SubmitRequestPayloadType> {
    const { sendTrackingSms, ...request } = input;
    const ticket = await submitRequest({
      db: this.services.dataSource,
      cityPrefix: this.services.config.cityPrefix,
      actor: ctx.actor,
      channel: Channel.PORTAL,
      input: request,
    });
    ctx.log.info({ ticketId: ticket.id }, "request submitted on the portal");
    const smsSentTo = sendTrackingSms ? sendTrackingNumber(smsSenderFor(this.services), this.services.config.publicBaseUrl, ticket) : null;
    return { trackingNumber: ticket.trackingNumber, receivedAt: ticket.receivedAt, smsSentTo };
  }

  @Query(() => PublicTicketType, {
    description:
      "A citizen reads their request with the access token `verifyTrackingCode` gave for it: public steps only. INTAKE/TRACKING_ACCESS_INVALID when the token is unknown, expired or for another request. Public.",
  })
  async trackTicket(
    @Arg("trackingNumber", { description: "e.g. ZB-20261124-00017" }) trackingNumber: string,
    @Arg("accessToken", { description: "From `verifyTrackingCode`." }) accessToken: string,
  ): Promise<PublicTicketType> {
    const { ticket, timeline } = await trackTicket(this.services.dataSource, { trackingNumber, accessToken });
    return {
      ...(ticket as unknown as PublicTicketType),
      timeline: timeline.map((entry) => ({ at: entry.at, status: entry.toStatus })),
    };
  }

  @Query(() => TicketType, { description: "One ticket with its history. Centre staff only." })
  async ticket(
    @Arg("id", () => ID, { description: "The ticket's id." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TicketType> {
    // The row and the parts this query selects (category, areas, lists) in one statement.
    const details = { loaders: ctx.loaders, parts: selectedTicketParts(info) };
    return (await getTicket(this.services.dataSource, { actor: ctx.actor, id, details })) as unknown as TicketType;
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
    requireRole(ctx.actor, QUEUE_ROLES);
    // Loaded once per event on this instance, whatever the number of audiences (centre staff may read every ticket).
    let loading = receivedTickets.get(payload);
    if (!loading) {
      loading = this.services.dataSource.getRepository(Ticket).findOne({ where: { id: payload.ticketId } });
      receivedTickets.set(payload, loading);
    }
    const ticket = await loading;
    if (!ticket) {
      throw new DomainError("INTAKE/TICKET_NOT_FOUND", "This ticket does not exist.");
    }
    return ticket as unknown as TicketType;
  }
}
