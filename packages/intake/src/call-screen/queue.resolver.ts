import { byActor, requireRole, shareSubscription, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, Int, Query, Resolver, Root, Subscription } from "type-graphql";
import { QUEUE_ROLES } from "../ticket/ticket-queries.js";
import { TicketQueueType } from "../ticket/ticket.types.js";
import { QueueKind } from "./call-screen.enums.js";
import { QueueCountsType } from "./call-screen.types.js";
import { QUEUE_COUNTS_CHANGED_TOPIC, countQueues, countQueuesForEvent, listQueue } from "./queues.js";

// The pushed counts depend on the viewer (mine today): shared by each person's consoles, and every
// viewer of one event on an instance joins one read of the counters (countQueuesForEvent).
shareSubscription("queueCountsChanged", byActor);

/** The intake work queues and their live counts. Centre staff only. */
@Resolver()
export class QueueResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => TicketQueueType, { description: "One intake work queue: emergencies first, then urgent, then newest first. Centre staff only." })
  async ticketQueue(
    @Arg("kind", () => QueueKind, { nullable: true, defaultValue: QueueKind.RECEIVED, description: "Which queue; RECEIVED when omitted." })
    kind: QueueKind | null,
    @Arg("limit", () => Int, { defaultValue: 50, description: "How many, 1 … 200." }) limit: number,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketQueueType> {
    const queue = await listQueue(this.services.dataSource, { actor: ctx.actor, kind: kind ?? QueueKind.RECEIVED, limit });
    return queue as unknown as TicketQueueType;
  }

  @Query(() => QueueCountsType, { description: "How many tickets each intake queue holds for the viewer. Centre staff only." })
  queueCounts(@Ctx() ctx: RequestContext): Promise<QueueCountsType> {
    return countQueues(this.services.dataSource, ctx.actor);
  }

  @Subscription(() => QueueCountsType, {
    description: "Queue counts for the viewer, pushed whenever a ticket is received, changes status or urgency, or is merged. Centre staff only.",
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      requireRole(ctx.actor, QUEUE_ROLES);
      return ctx.subscribe(QUEUE_COUNTS_CHANGED_TOPIC);
    },
  })
  queueCountsChanged(@Root() event: object, @Ctx() ctx: RequestContext): Promise<QueueCountsType> {
    return countQueuesForEvent(this.services.dataSource, event, ctx.actor);
  }
}
