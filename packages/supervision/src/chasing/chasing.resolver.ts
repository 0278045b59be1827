import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Query, Resolver, Root, Subscription } from "type-graphql";
import { ChasingSeverity, ChasingStage } from "./chasing.enums.js";
import { chasingTopicFor, fromWire } from "./chasing-live.js";
import { chasingBoard, listChasing } from "./chasing-queries.js";
import { ChasingBoardType, ChasingChangeType, ChasingPageType } from "./chasing.types.js";

/** The chasing board (督办看板): late tickets by stage and unit, live. */
@Resolver()
export class ChasingResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => ChasingBoardType, {
    description: "The chasing board's counts per stage and per unit, and the alarm (urgent and emergency tickets not dispatched in time). Supervisors, leaders, admins; dispatchers see the dispatch stage only.",
  })
  chasingBoard(@Ctx() ctx: RequestContext): Promise<ChasingBoardType> {
    return chasingBoard(this.services.dataSource, { actor: ctx.actor });
  }

  @Query(() => ChasingPageType, {
    description: "The late tickets of one stage (near due and overdue), oldest deadline first, optionally of one unit or severity; cursor paging. Supervisors, leaders, admins; dispatchers the dispatch stage only (FORBIDDEN otherwise).",
  })
  chasingList(
    @Arg("stage", () => ChasingStage, { description: "The stage." }) stage: ChasingStage,
    @Arg("unitId", () => ID, { nullable: true, description: "Only this lead unit's tickets." }) unitId: string | null,
    @Arg("severity", () => ChasingSeverity, { nullable: true, description: "Only near-due or only overdue tickets." }) severity: ChasingSeverity | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50, description: "Page size, 1 … 200." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "The previous page's nextCursor." }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ChasingPageType> {
    return listChasing(this.services.dataSource, { actor: ctx.actor, request: { stage, unitId, severity, first, after } });
  }

  @Subscription(() => ChasingChangeType, {
    description:
      "The chasing board changed (a near-due, overdue, sign-for or dispatch timer fired; a ticket was dispatched, signed for, replied, extended or returned): what moved and the new figures, computed once per audience. Supervisors, leaders, admins; dispatchers hear the dispatch stage only.",
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      return ctx.subscribe(chasingTopicFor(ctx.actor));
    },
  })
  chasingChanged(@Root() change: unknown): ChasingChangeType {
    return fromWire(change);
  }
}
