import type { AppServices, RequestContext } from "@civicline/platform";
import { Ctx, Query, Resolver, Root, Subscription } from "type-graphql";
import { requireRole } from "@civicline/platform";
import { buildWallboard } from "./wall-figures.js";
import { WALL_READERS, wallboardTopicFor, wallFromWire } from "./wall-live.js";
import { WallboardType } from "./wall.types.js";
import { wallHotIssues } from "./wall-hot.js";

/** The centre's wall display (大屏): figures from counters, pushed live. */
@Resolver()
export class WallboardResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => WallboardType, {
    description: "The wallboard's figures now (today's received, answered on the spot, dispatched; overdue and near due now; callbacks waiting; this month's satisfaction; top hot issues). Supervisors, leaders, admins.",
  })
  wallboard(@Ctx() ctx: RequestContext): Promise<WallboardType> {
    requireRole(ctx.actor, WALL_READERS);
    return buildWallboard({ dataSource: this.services.dataSource, now: this.services.now?.() ?? new Date(), hotIssues: wallHotIssues });
  }

  @Subscription(() => WallboardType, {
    description:
      "The wallboard changed (a ticket was received, answered, dispatched, became near due or overdue, replied; a callback task opened or closed; a survey was answered): the whole wall, computed once per event for every viewer. Supervisors, leaders, admins.",
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      return ctx.subscribe(wallboardTopicFor(ctx.actor));
    },
  })
  wallboardChanged(@Root() wall: unknown): WallboardType {
    return wallFromWire(wall);
  }
}
