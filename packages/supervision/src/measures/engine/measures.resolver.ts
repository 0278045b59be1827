import { readerOf, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { MEASURE_DEFINITIONS } from "./measure-definitions.js";
import { MeasureBreakdownBy, measureBreakdown, measures, type MeasureFilter } from "./measures.js";
import { MeasureBreakdownRowType, MeasureDefinitionType, MeasureFilterInputType, MeasuresType } from "./measures.types.js";

/** The hotline's measures (figures with numerator and denominator, previous period, breakdowns). */
@Resolver(() => MeasuresType)
export class MeasuresResolver {
  constructor(private readonly services: AppServices) {}

  private now(): Date {
    return this.services.now?.() ?? new Date();
  }

  @Query(() => MeasuresType, {
    description:
      "The measures of a period and the period before it, from the maintained aggregate. Supervisors, leaders and admins: any filter; handlers: their own unit only (FORBIDDEN otherwise). Bad input: BAD_USER_INPUT with the field.",
  })
  async measures(@Arg("filter", () => MeasureFilterInputType) filter: MeasureFilterInputType, @Ctx() ctx: RequestContext): Promise<MeasuresType> {
    return (await measures(readerOf(this.services), { actor: ctx.actor, filter: filter as MeasureFilter, now: this.now() })) as unknown as MeasuresType;
  }

  @Query(() => [MeasureDefinitionType], { description: "Every measure's definition (zh-CN and en), including the on-time rule, for help texts. Public: the definitions are published with the figures." })
  measureDefinitions(): MeasureDefinitionType[] {
    return MEASURE_DEFINITIONS as MeasureDefinitionType[];
  }

  private breakdown(root: MeasuresType, ctx: RequestContext, by: MeasureBreakdownBy) {
    return measureBreakdown(readerOf(this.services), { actor: ctx.actor, filter: root.filter as MeasureFilter, by, now: this.now() }) as unknown as Promise<MeasureBreakdownRowType[]>;
  }

  @FieldResolver(() => [MeasureBreakdownRowType], { description: "Per unit (each unit with any counted event; undispatched tickets only in the totals)." })
  byUnit(@Root() root: MeasuresType, @Ctx() ctx: RequestContext) {
    return this.breakdown(root, ctx, MeasureBreakdownBy.UNIT);
  }

  @FieldResolver(() => [MeasureBreakdownRowType], { description: "Per category: the children of the filtered category (or the top level), each with its subtree." })
  byCategory(@Root() root: MeasuresType, @Ctx() ctx: RequestContext) {
    return this.breakdown(root, ctx, MeasureBreakdownBy.CATEGORY);
  }

  @FieldResolver(() => [MeasureBreakdownRowType], { description: "Per district." })
  byDistrict(@Root() root: MeasuresType, @Ctx() ctx: RequestContext) {
    return this.breakdown(root, ctx, MeasureBreakdownBy.DISTRICT);
  }

  @FieldResolver(() => [MeasureBreakdownRowType], { description: "Per township or street (key null: tickets without one)." })
  byTownship(@Root() root: MeasuresType, @Ctx() ctx: RequestContext) {
    return this.breakdown(root, ctx, MeasureBreakdownBy.TOWNSHIP);
  }

  @FieldResolver(() => [MeasureBreakdownRowType], { description: "Per day of the period, zeros included (dailyAverage per row is that day's volume)." })
  byDay(@Root() root: MeasuresType, @Ctx() ctx: RequestContext) {
    return this.breakdown(root, ctx, MeasureBreakdownBy.DAY);
  }
}
