import { defineMessages, useRoutingT, type RoutingMessageKey, type Translate } from "@civicline/ui";

/** Wording of the calendar coverage banner and the year schedule form. */
const calendarYearMessages = defineMessages(
  {
    "cy.banner.title": "No holiday calendar for {year} yet",
    "cy.banner.body":
      "The bundled official calendar has no holidays for {year} and nobody has entered them, so deadlines in {year} count every Monday to Friday as a working day. Enter the State Council's {year} holidays and make-up working days.",
    "cy.banner.link": "Enter the {year} schedule",
    "cy.open": "Enter {year}'s schedule",
    "cy.title": "{year}: holidays and make-up working days",
    "cy.intro":
      "Enter the State Council's notice for the whole year. Saving replaces all of {year}'s overrides with these days in one go; a day left out follows the official calendar or Monday to Friday again.",
    "cy.holidays": "Holidays",
    "cy.holiday": "Holiday {n}",
    "cy.holidayName": "Name",
    "cy.from": "First day off",
    "cy.to": "Last day off",
    "cy.addHoliday": "Add a holiday",
    "cy.removeHoliday": "Remove holiday {n}",
    "cy.workdays": "Make-up working days (调休上班)",
    "cy.workdayRow": "Make-up day {n}",
    "cy.workday": "Day",
    "cy.workdayName": "Note",
    "cy.addWorkday": "Add a make-up working day",
    "cy.removeWorkday": "Remove make-up day {n}",
    "cy.none": "None yet.",
    "cy.save": "Save {year}'s schedule",
    "cy.cancel": "Cancel",
    "cy.saved": "{year}'s schedule saved; {days} days changed.",
    "cy.fixErrors": "Check the marked rows; nothing was saved.",
    "cy.err.REQUIRED": "Name the holiday, e.g. 春节.",
    "cy.err.INVALID_FORMAT": "Enter a date.",
    "cy.err.OUTSIDE_YEAR": "Enter a day in {year}.",
    "cy.err.END_BEFORE_START": "The last day comes before the first.",
    "cy.err.RANGE_TOO_LONG": "A holiday lasts at most 15 days; check the dates.",
    "cy.err.HOLIDAY_ON_WEEKEND": "A holiday must include a weekday: Saturdays and Sundays are days off already.",
    "cy.err.WORKDAY_NOT_WEEKEND": "A make-up working day must be a Saturday or Sunday; weekdays are working days already.",
    "cy.err.DUPLICATE": "This day is listed twice.",
    "cy.err.OVERLAP": "This overlaps another holiday or make-up day.",
    "cy.err.TOO_LONG": "Keep it under 200 characters.",
  },
  {
    "cy.banner.title": "尚未录入 {year} 年节假日安排",
    "cy.banner.body": "内置的官方日历没有 {year} 年的节假日，也没有人工录入，{year} 年的办理时限将把每个周一至周五都算作工作日。请录入国务院公布的 {year} 年放假和调休安排。",
    "cy.banner.link": "录入 {year} 年安排",
    "cy.open": "录入 {year} 年全年安排",
    "cy.title": "{year} 年放假和调休安排",
    "cy.intro": "按国务院通知录入全年安排。保存后，{year} 年的全部日历调整将一次性替换为以下日期；未列出的日期恢复按官方日历或周一至周五计算。",
    "cy.holidays": "放假",
    "cy.holiday": "假期 {n}",
    "cy.holidayName": "名称",
    "cy.from": "放假起",
    "cy.to": "放假止",
    "cy.addHoliday": "添加假期",
    "cy.removeHoliday": "删除假期 {n}",
    "cy.workdays": "调休上班日",
    "cy.workdayRow": "调休上班日 {n}",
    "cy.workday": "日期",
    "cy.workdayName": "备注",
    "cy.addWorkday": "添加调休上班日",
    "cy.removeWorkday": "删除调休上班日 {n}",
    "cy.none": "暂无。",
    "cy.save": "保存 {year} 年安排",
    "cy.cancel": "取消",
    "cy.saved": "{year} 年安排已保存，{days} 天有变化。",
    "cy.fixErrors": "请检查标出的行，尚未保存。",
    "cy.err.REQUIRED": "请填写假期名称，如 春节。",
    "cy.err.INVALID_FORMAT": "请输入日期。",
    "cy.err.OUTSIDE_YEAR": "请输入 {year} 年内的日期。",
    "cy.err.END_BEFORE_START": "放假止日早于放假起日。",
    "cy.err.RANGE_TOO_LONG": "一个假期最长 15 天，请核对日期。",
    "cy.err.HOLIDAY_ON_WEEKEND": "假期须包含工作日：周六、周日本来就休息。",
    "cy.err.WORKDAY_NOT_WEEKEND": "调休上班日须为周六或周日：周一至周五本来就上班。",
    "cy.err.DUPLICATE": "该日期重复。",
    "cy.err.OVERLAP": "与其他假期或调休上班日重叠。",
    "cy.err.TOO_LONG": "请少于 200 个字符。",
  },
);

export type CalendarYearKey = keyof (typeof calendarYearMessages)["en"];

/** Codes the year schedule's rows may carry (server and form alike). */
export const SCHEDULE_ERROR_CODES = [
  "REQUIRED",
  "INVALID_FORMAT",
  "OUTSIDE_YEAR",
  "END_BEFORE_START",
  "RANGE_TOO_LONG",
  "HOLIDAY_ON_WEEKEND",
  "WORKDAY_NOT_WEEKEND",
  "DUPLICATE",
  "OVERLAP",
  "TOO_LONG",
] as const;

/** Whether a row error code has wording of its own. */
export function isScheduleErrorCode(code: string | undefined): code is (typeof SCHEDULE_ERROR_CODES)[number] {
  return (SCHEDULE_ERROR_CODES as readonly (string | undefined)[]).includes(code);
}

/** `t()` for the calendar coverage banner and the year form (and the shared routing wording). */
export function useCalendarYearT(): Translate<CalendarYearKey | RoutingMessageKey> {
  return useRoutingT(calendarYearMessages);
}
