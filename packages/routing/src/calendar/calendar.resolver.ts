import { CALENDAR_YEARS, Role, intInRange, listCalendarOverrides, requireRole, setCalendarOverride, type AppServices, type CalendarOverride, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";

@ObjectType("CalendarOverride", { description: "An admin's decision that a day is (or is not) a working day; it wins over the official holiday data." })
export class CalendarOverrideType {
  @Field({ description: "The day, YYYY-MM-DD (Asia/Shanghai)." })
  day!: string;

  @Field({ description: "Whether it is a working day." })
  working!: boolean;

  @Field(() => String, { nullable: true, description: "Why, e.g. 2027 元旦." })
  note!: string | null;
}

function toType(override: CalendarOverride): CalendarOverrideType {
  return { day: override.day, working: override.working, note: override.note || null };
}

/** Admin-entered working-calendar overrides (years the official data does not cover yet, local exceptions). */
@Resolver()
export class CalendarResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => [CalendarOverrideType], { description: "Overrides of one year, by day. Admins, supervisors." })
  async calendarOverrides(@Arg("year", () => Int, { description: "e.g. 2027; 2000 … 2100." }) year: number, @Ctx() ctx: RequestContext): Promise<CalendarOverrideType[]> {
    requireRole(ctx.actor, [Role.ADMIN, Role.SUPERVISOR]);
    intInRange("year", year, CALENDAR_YEARS);
    const rows = await listCalendarOverrides(this.services.dataSource.manager, { from: `${year}-01-01`, to: `${year}-12-31` });
    return rows.map(toType);
  }

  @Mutation(() => CalendarOverrideType, { description: "Admin: declare a day working or not (replaces an earlier override of the day). Deadlines of open assignments are recomputed." })
  async setCalendarOverride(
    @Arg("day", { description: "YYYY-MM-DD." }) day: string,
    @Arg("working", { description: "True: a working day; false: a day off." }) working: boolean,
    @Arg("note", () => String, { nullable: true, description: "Why (up to 200 characters)." }) note: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarOverrideType> {
    const saved = await this.services.dataSource.transaction((manager) => setCalendarOverride(manager, { day, working, note, actor: ctx.actor }));
    return toType(saved);
  }
}
