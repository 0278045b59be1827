import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { hotIssueTickets, listHotIssues } from "./hot-issues.js";
import { HOT_STATISTIC } from "./hot-statistic.js";
import { HotWindow } from "./hot-window.js";
import { HotDuplicateInput, HotIssueListType, HotIssueTicketsType } from "./hot.types.js";
import { mergeHotIssueDuplicates } from "./merge-duplicates.js";

/** Hot issues (热点): the list, the tickets behind one, and merging its duplicates. */
@Resolver()
export class HotIssueResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => HotIssueListType, { description: "Hot issues of a window, most unusual first (see `statistic`). SUPERVISOR, LEADER, DISPATCHER, ADMIN." })
  async hotIssues(
    @Arg("window", () => HotWindow, { nullable: true, description: "DAY or WEEK (default)." }) window: HotWindow | null,
    @Arg("lastDay", () => String, { nullable: true, description: "The window's last day, YYYY-MM-DD in Asia/Shanghai (default today)." }) lastDay: string | null,
    @Arg("limit", () => Int, { nullable: true, description: "At most this many (1–50, default 20)." }) limit: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<HotIssueListType> {
    const list = await listHotIssues(this.services.dataSource, { actor: ctx.actor, window, lastDay, limit, now: this.services.now?.() });
    return { statistic: HOT_STATISTIC, minCount: list.settings.minCount, alpha: list.settings.alpha, baselineWeeks: list.settings.baselineWeeks, ...list } as HotIssueListType;
  }

  @Query(() => HotIssueTicketsType, { description: "The tickets of a category in a district (or one township of it) received in [from, to) (at most 62 days). SUPERVISOR, LEADER, DISPATCHER, ADMIN." })
  async hotIssueTickets(
    @Arg("categoryId", () => ID, { description: "The hot issue's category." }) categoryId: string,
    @Arg("districtId", () => ID, { description: "The hot issue's district." }) districtId: string,
    @Arg("townshipId", () => ID, { nullable: true, description: "The hot issue's township (omit for the whole district)." }) townshipId: string | null,
    @Arg("from", () => Date, { description: "Received from (inclusive)." }) from: Date,
    @Arg("to", () => Date, { description: "Received before (exclusive)." }) to: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<HotIssueTicketsType> {
    return (await hotIssueTickets(this.services.dataSource, { actor: ctx.actor, categoryId, districtId, townshipId, from, to })) as HotIssueTicketsType;
  }

  @Mutation(() => Int, {
    description: "Merges a hot issue's duplicates into one open ticket with intake's merge (并单), all or none (INTAKE/CANNOT_MERGE, CONFLICT). Returns how many were merged. SUPERVISOR, DISPATCHER.",
  })
  async mergeHotIssueDuplicates(
    @Arg("intoTicketId", () => ID, { description: "The open ticket that stays." }) intoTicketId: string,
    @Arg("duplicates", () => [HotDuplicateInput], { description: "The duplicates (1–50), each at the version seen." }) duplicates: HotDuplicateInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    return mergeHotIssueDuplicates(this.services.dataSource, { actor: ctx.actor, intoTicketId, duplicates });
  }
}
