import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { Ticket } from "../ticket/ticket.entity.js";
import { TicketType } from "../ticket/ticket.types.js";
import { answerDirectly } from "./answer-directly.js";
import { TicketLinkKind } from "./call-screen.enums.js";
import { EmergencyHandoffInput, LogCallInput } from "./call-screen.inputs.js";
import { markEmergency, recordEmergencyHandoff } from "./emergency.js";
import { linkTickets } from "./link-tickets.js";
import { logCall } from "./log-call.js";
import { mergeIntoTicket } from "./merge-ticket.js";
import { sendToDispatch } from "./send-to-dispatch.js";

const asType = (ticket: Ticket) => ticket as unknown as TicketType;

/** The call screen's changes to tickets. Each mutation checks roles in its service. */
@Resolver()
export class CallScreenResolver {
  constructor(private readonly services: AppServices) {}

  @Mutation(() => TicketType, {
    description: "A call-taker logs a call as a RECEIVED ticket (OPERATOR). API clients (X-Api-Key) may log with channel API, OPEN311 or SMS_WECHAT.",
  })
  async logCall(@Arg("input", () => LogCallInput, { description: "The call." }) input: LogCallInput, @Ctx() ctx: RequestContext): Promise<TicketType> {
    const ticket = await logCall({
      db: this.services.dataSource,
      cityPrefix: this.services.config.cityPrefix,
      actor: ctx.actor,
      input: { ...input, extraFields: input.extraFields ?? [], attachmentIds: input.attachmentIds ?? [] },
    });
    return asType(ticket);
  }

  @Mutation(() => TicketType, {
    description: "Answers on the spot (直办): → CLOSED_DIRECT with the answer and the articles used; event intake.ticket_answered_directly. OPERATOR.",
  })
  async answerDirectly(
    @Arg("ticketId", () => ID, { description: "The ticket." }) ticketId: string,
    @Arg("version", () => Int, { description: "The version the call-taker saw (CONFLICT when stale)." }) version: number,
    @Arg("articleIds", () => [ID], { description: "Knowledge-base articles the answer came from (may be empty)." }) articleIds: string[],
    @Arg("answer", { description: "The answer given (up to 4,000 characters)." }) answer: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketType> {
    return asType(await answerDirectly(this.services.dataSource, { actor: ctx.actor, ticketId, version, articleIds, answer }));
  }

  @Mutation(() => TicketType, { description: "Sends the ticket to the dispatch queue: → AWAITING_DISPATCH. OPERATOR." })
  async sendToDispatch(
    @Arg("ticketId", () => ID, { description: "The ticket." }) ticketId: string,
    @Arg("version", () => Int, { description: "The version the call-taker saw (CONFLICT when stale)." }) version: number,
    @Arg("note", () => String, { nullable: true, description: "A note for the dispatcher (internal, up to 1,000 characters)." }) note: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketType> {
    return asType(await sendToDispatch(this.services.dataSource, { actor: ctx.actor, ticketId, version, note }));
  }

  @Mutation(() => TicketType, {
    description: "Merges a duplicate (并单): the ticket → MERGED with a MERGED_INTO link; its caller becomes a co-reporter of the target. Returns the merged ticket. OPERATOR, DISPATCHER.",
  })
  async mergeIntoTicket(
    @Arg("ticketId", () => ID, { description: "The duplicate, to be merged." }) ticketId: string,
    @Arg("version", () => Int, { description: "The duplicate's version (CONFLICT when stale)." }) version: number,
    @Arg("intoTicketId", () => ID, { description: "The open ticket that stays." }) intoTicketId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketType> {
    return asType(await mergeIntoTicket(this.services.dataSource, { actor: ctx.actor, ticketId, version, intoTicketId }));
  }

  @Mutation(() => TicketType, { description: "Links two tickets as RELATED or RE_REPORT_OF (linking twice changes nothing). OPERATOR, DISPATCHER, SUPERVISOR." })
  async linkTickets(
    @Arg("ticketId", () => ID, { description: "The ticket the link starts from." }) ticketId: string,
    @Arg("otherTicketId", () => ID, { description: "The other ticket." }) otherTicketId: string,
    @Arg("kind", () => TicketLinkKind, { description: "RELATED or RE_REPORT_OF (MERGED_INTO: use mergeIntoTicket)." }) kind: TicketLinkKind,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketType> {
    return asType(await linkTickets(this.services.dataSource, { actor: ctx.actor, ticketId, otherTicketId, kind }));
  }

  @Mutation(() => TicketType, { description: "Marks an open ticket as an emergency: it heads every queue and the consoles' counts update. OPERATOR, DISPATCHER." })
  async markEmergency(
    @Arg("ticketId", () => ID, { description: "The ticket." }) ticketId: string,
    @Arg("version", () => Int, { description: "The version the call-taker saw (CONFLICT when stale)." }) version: number,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketType> {
    return asType(await markEmergency(this.services.dataSource, { actor: ctx.actor, ticketId, version }));
  }

  @Mutation(() => TicketType, { description: "Records a hand-off to 110/119/120/122 (who, when, reference, checklist). OPERATOR, DISPATCHER." })
  async recordEmergencyHandoff(
    @Arg("ticketId", () => ID, { description: "The ticket." }) ticketId: string,
    @Arg("input", () => EmergencyHandoffInput, { description: "The hand-off." }) input: EmergencyHandoffInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketType> {
    return asType(await recordEmergencyHandoff(this.services.dataSource, { actor: ctx.actor, ticketId, ...input }));
  }
}
