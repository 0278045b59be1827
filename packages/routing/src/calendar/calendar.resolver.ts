import {
  CALENDAR_YEARS,
  Role,
  intInRange,
  listCalendarOverrides,
  loadWorkingCalendar,
  requireRole,
  setCalendarOverride,
  type AppServices,
  type CalendarOverride,
  type RequestContext,
} from "@civicline/platform";
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from "type-graphql";

export enum CalendarDaySource {
  OVERRIDE = "override",
  OFFICIAL = "official",
  WEEKDAY_RULE = "weekday-rule",
}

registerEnumType(CalendarDaySource, {
  name: "CalendarDaySource",
  description: "Where a day's working status comes from.",
  valuesConfig: {
    OVERRIDE: { description: "An admin's override." },
    OFFICIAL: { description: "The official holiday data (a public holiday or a make-up working day, 调休)." },
    WEEKDAY_RULE: { description: "Monday to Friday work, weekends off (no official data for the day, or an ordinary day)." },
  },
});

@ObjectType("CalendarDay", { description: "One day of the working calendar as deadlines count it." })
export class CalendarDayType {
  @Field({ description: "The day, YYYY-MM-DD (Asia/Shanghai)." })
  day!: string;

  @Field({ description: "Whether it is a working day." })
  working!: boolean;

  @Field(() => CalendarDaySource, { description: "Where that comes from." })
  source!: CalendarDaySource;

  @Field({ description: "False when nobody maintains the day's status (a year the official data does not cover and no admin has entered)." })
  maintained!: boolean;

  @Field(() => String, { nullable: true, description: "The override's note or the official holiday's name." })
  note!: string | null;
}

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

  @Query(() => [CalendarDayType], { description: "Every day of one month as the working calendar counts it (overrides, official holidays and make-up days, weekends). Admins, supervisors." })
  async calendarMonth(
    @Arg("year", () => Int, { description: "e.g. 2027; 2000 … 2100." }) year: number,
    @Arg("month", () => Int, { description: "1 … 12." }) month: number,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarDayType[]> {
    requireRole(ctx.actor, [Role.ADMIN, Role.SUPERVISOR]);
    intInRange("year", year, CALENDAR_YEARS);
    intInRange("month", month, { min: 1, max: 12 });
    const calendar = await loadWorkingCalendar(this.services.dataSource);
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return Array.from({ length: days }, (_, index) => {
      const day = `${year}-${String(month).padStart(2, "0")}-${String(index + 1).padStart(2, "0")}`;
      const coverage = calendar.coverage(day);
      const source = coverage.source === "override" ? CalendarDaySource.OVERRIDE : coverage.source === "official" ? CalendarDaySource.OFFICIAL : CalendarDaySource.WEEKDAY_RULE;
      return { day, working: coverage.working, source, maintained: coverage.maintained, note: coverage.note };
    });
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
