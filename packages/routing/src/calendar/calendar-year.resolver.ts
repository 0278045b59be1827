import { Role, calendarCoverage, requireRole, setCalendarYear, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { CalendarCoverageType, CalendarYearSavedType, SetCalendarYearInput } from "./calendar.types.js";

/** Whether the working calendar covers this year and the next, and entering a whole year's schedule. */
@Resolver()
export class CalendarYearResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => CalendarCoverageType, {
    description: "Which of this year and (from 1 November) next year have official holiday data or admin overrides. Admins, supervisors.",
  })
  async calendarCoverage(@Ctx() ctx: RequestContext): Promise<CalendarCoverageType> {
    requireRole(ctx.actor, [Role.ADMIN, Role.SUPERVISOR]);
    return calendarCoverage({ db: this.services.dataSource, now: this.services.now?.() ?? new Date() });
  }

  @Mutation(() => CalendarYearSavedType, {
    description:
      "Admin: set a whole year's holidays and make-up working days in one go (all or nothing). Replaces all of the year's overrides; days whose status changes get their open deadlines recomputed.",
  })
  async setCalendarYear(@Arg("input", () => SetCalendarYearInput, { description: "The year's schedule." }) input: SetCalendarYearInput, @Ctx() ctx: RequestContext): Promise<CalendarYearSavedType> {
    const saved = await setCalendarYear({ db: this.services.dataSource, actor: ctx.actor, input });
    return {
      year: saved.year,
      changedDays: saved.changedDays,
      overrides: saved.overrides.map((override) => ({ day: override.day, working: override.working, note: override.note || null })),
    };
  }
}
