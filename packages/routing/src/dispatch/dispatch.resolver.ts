import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Assignment } from "../assignment/assignment.entity.js";
import { AssignmentType, type ReturnRequestType } from "../assignment/assignment.types.js";
import { returnView } from "../assignment/assignment-views.js";
import type { RoutingProposalType } from "../rules/dispatch-rule.types.js";
import { routingLoaders } from "../routing-loaders.js";
import { decideReturn } from "../workbench/return.js";
import { dispatchQueue } from "./dispatch-queue.js";
import { dispatchTicket } from "./dispatch-ticket.js";
import { DispatchInput, DispatchQueueItemType } from "./dispatch.types.js";

const asType = (assignment: Assignment): AssignmentType => assignment as unknown as AssignmentType;

/** The dispatcher's queue and actions. */
@Resolver()
export class DispatchResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => [DispatchQueueItemType], { description: "Dispatcher: tickets waiting for dispatch and tickets returned by units, with the proposal. Emergencies first, then urgent, then oldest." })
  async dispatchQueue(
    @Arg("limit", () => Int, { nullable: true, defaultValue: 200, description: "How many, 1 … 500." }) limit: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DispatchQueueItemType[]> {
    const entries = await dispatchQueue(this.services.dataSource, { actor: ctx.actor, limit });
    const loaders = routingLoaders(this.services.dataSource, ctx);
    return Promise.all(
      entries.map(async (entry) => ({
        ticket: entry.ticket,
        proposal: entry.proposal as unknown as RoutingProposalType,
        pendingReturn: entry.pendingReturn ? (returnView(entry.pendingReturn, await loaders.unit.load(entry.pendingReturn.unitId)) as ReturnRequestType) : null,
        dispatchDueAt: entry.dispatchDueAt,
      })),
    );
  }

  @Mutation(() => AssignmentType, { description: "Dispatcher: dispatch a ticket in one action (also done automatically on receipt when a clear catalogue rule says so). CONFLICT on a stale version." })
  async dispatchTicket(@Arg("input", () => DispatchInput, { description: "The dispatch." }) input: DispatchInput, @Ctx() ctx: RequestContext): Promise<AssignmentType> {
    return asType(await dispatchTicket(this.services.dataSource, { actor: ctx.actor, request: input }));
  }

  @Mutation(() => AssignmentType, {
    description: "Dispatcher: decide a pending return. Accept (with `redispatch`: to another unit at once; without: the ticket waits in the queue) or reject (a note is required; the unit keeps the ticket, DISPATCHED again).",
  })
  async decideReturn(
    @Arg("ticketId", () => ID, { description: "The returned ticket." }) ticketId: string,
    @Arg("accept", { description: "True to accept the return, false to reject it." }) accept: boolean,
    @Arg("note", () => String, { nullable: true, description: "The dispatcher's note (required when rejecting)." }) note: string | null,
    @Arg("redispatch", () => DispatchInput, { nullable: true, description: "With accept: dispatch to this other unit in the same action." }) redispatch: DispatchInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AssignmentType> {
    return asType(await decideReturn(this.services.dataSource, { actor: ctx.actor, request: { ticketId, accept, note, redispatch } }));
  }
}
