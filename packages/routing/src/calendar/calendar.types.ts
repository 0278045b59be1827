import { Field, InputType, Int, ObjectType } from "type-graphql";
import { CalendarOverrideType } from "./calendar.resolver.js";

@ObjectType("CalendarYearCoverage", { description: "Whether one year's working days are maintained." })
export class CalendarYearCoverageType {
  @Field(() => Int, { description: "The calendar year." })
  year!: number;

  @Field({ description: "The bundled official data (chinese-days) holds the State Council's holidays for the year." })
  official!: boolean;

  @Field(() => Int, { description: "How many days of the year an admin has overridden." })
  overrideDays!: number;

  @Field({ description: "Official data or overrides exist; false means deadlines in the year count every Monday–Friday as a working day." })
  covered!: boolean;
}

@ObjectType("CalendarCoverage", { description: "The years the working calendar must hold now (this year; from 1 November the next one too), and those it lacks." })
export class CalendarCoverageType {
  @Field({ description: "Today, YYYY-MM-DD (Asia/Shanghai)." })
  today!: string;

  @Field(() => [CalendarYearCoverageType], { description: "The checked years, oldest first." })
  years!: CalendarYearCoverageType[];

  @Field(() => [Int], { description: "Checked years with neither official data nor overrides: an admin should enter their schedule." })
  missingYears!: number[];
}

@InputType("CalendarHolidayInput", { description: "A public holiday as announced, both ends inclusive; it must include a weekday." })
export class CalendarHolidayInput {
  @Field({ description: "e.g. 春节 (up to 200 characters)." })
  name!: string;

  @Field({ description: "First day off, YYYY-MM-DD, in the year being set." })
  start!: string;

  @Field({ description: "Last day off, YYYY-MM-DD, in the year being set (the same as start for one day)." })
  end!: string;
}

@InputType("CalendarWorkdayInput", { description: "A make-up working day (调休上班); it must be a Saturday or Sunday." })
export class CalendarWorkdayInput {
  @Field({ description: "The day, YYYY-MM-DD, in the year being set." })
  day!: string;

  @Field(() => String, { nullable: true, description: "e.g. 春节调休 (optional, up to 200 characters)." })
  name?: string | null;
}

@InputType("SetCalendarYearInput", { description: "A whole year's schedule; it replaces all of the year's overrides." })
export class SetCalendarYearInput {
  @Field(() => Int, { description: "The year, e.g. 2027." })
  year!: number;

  @Field(() => [CalendarHolidayInput], { description: "The year's public holidays (at most 60)." })
  holidays!: CalendarHolidayInput[];

  @Field(() => [CalendarWorkdayInput], { description: "The year's make-up working days (at most 60)." })
  workdays!: CalendarWorkdayInput[];
}

@ObjectType("CalendarYearSaved", { description: "A year's schedule after saving." })
export class CalendarYearSavedType {
  @Field(() => Int, { description: "The year saved." })
  year!: number;

  @Field(() => [CalendarOverrideType], { description: "The year's overrides now, by day." })
  overrides!: CalendarOverrideType[];

  @Field(() => Int, { description: "Days whose override was added, removed or turned between working and off (their deadlines are recomputed)." })
  changedDays!: number;
}
