import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CalendarMonthDocument, CalendarOverridesDocument, SetCalendarOverrideDocument } from "../../gql/graphql.ts";
import { CalendarOverridesPage, currentYear, isDayInYear } from "../calendar/CalendarOverridesPage.tsx";
import { recordingMock, renderRouting, stateMock } from "./routingKit.tsx";

/** The server's month: weekends off, Monday–Friday working, plus the days given. */
function monthMock(special: Record<string, { working: boolean; source: string; note: string | null }> = {}, asked: Array<Record<string, unknown>> = []) {
  return recordingMock(CalendarMonthDocument, asked, (variables) => {
    const year = Number(variables.year);
    const month = Number(variables.month);
    const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return {
      calendarMonth: Array.from({ length }, (_, index) => {
        const day = `${year}-${String(month).padStart(2, "0")}-${String(index + 1).padStart(2, "0")}`;
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        return { __typename: "CalendarDay", day, working: weekday !== 0 && weekday !== 6, source: "WEEKDAY_RULE", maintained: true, note: null, ...special[day] };
      }),
    };
  });
}

describe("working calendar month view", () => {
  it("shows a month as a Monday-first grid with holidays, make-up days and overrides, moves between months, and a day opens the form", async () => {
    const year = currentYear();
    const asked: Array<Record<string, unknown>> = [];
    const month = monthMock(
      {
        [`${year}-10-01`]: { working: false, source: "OFFICIAL", note: "National Day,国庆节,3" },
        [`${year}-10-11`]: { working: true, source: "OFFICIAL", note: "国庆节" },
        [`${year}-10-20`]: { working: false, source: "OVERRIDE", note: "区里停电" },
      },
      asked,
    );
    renderRouting(<CalendarOverridesPage />, [stateMock(CalendarOverridesDocument, () => ({ calendarOverrides: [] }), { year }), month], "zh-CN");
    const view = await screen.findByTestId("calendar-month-view");
    // Go to October of this year, whichever month it is now.
    const first = Number(asked[0]!.month);
    for (let step = first; step < 10; step++) {
      fireEvent.click(screen.getByRole("button", { name: "下个月" }));
    }
    for (let step = first; step > 10; step--) {
      fireEvent.click(screen.getByRole("button", { name: "上个月" }));
    }
    await waitFor(() => expect(view.querySelector(`[data-day="${year}-10-01"]`)).not.toBeNull());
    const cell = (day: string) => view.querySelector(`[data-day="${year}-10-${day}"]`) as HTMLElement;
    expect(cell("01").textContent).toBe("1国庆节");
    expect(cell("01").getAttribute("data-working")).toBe("false");
    expect(cell("11").textContent).toBe("11调休上班");
    expect(cell("20").textContent).toBe("20休息（人工调整）");
    // Monday first: the blanks before the 1st are the weekdays before it.
    const firstRow = view.querySelectorAll("tbody tr")[0]!;
    expect(firstRow.querySelectorAll("td.calendar-grid__blank")).toHaveLength((new Date(Date.UTC(year, 9, 1)).getUTCDay() + 6) % 7);
    expect(view.querySelectorAll("thead th")[0]?.textContent).toBe("周一");

    fireEvent.click(within(cell("20")).getByRole("button"));
    expect((screen.getByTestId("calendar-day") as HTMLInputElement).value).toBe(`${year}-10-20`);
    expect((screen.getByTestId("calendar-note") as HTMLInputElement).value).toBe("区里停电");
  });
});

describe("working calendar overrides", () => {
  it("lists a year's overrides by month and saves a make-up working day", async () => {
    const year = currentYear();
    const server = { overrides: [{ __typename: "CalendarOverride", day: `${year}-10-01`, working: false, note: "国庆节" }] };
    const calls: Record<string, unknown>[] = [];
    const set = recordingMock(SetCalendarOverrideDocument, calls, (variables) => {
      const saved = { __typename: "CalendarOverride", day: variables.day, working: variables.working, note: variables.note };
      server.overrides = [...server.overrides, saved as (typeof server.overrides)[number]];
      return { setCalendarOverride: saved };
    });
    renderRouting(<CalendarOverridesPage />, [stateMock(CalendarOverridesDocument, () => ({ calendarOverrides: server.overrides }), { year }), set, monthMock()], "zh-CN");
    expect((await screen.findByTestId("calendar-override")).textContent).toContain("国庆节");
    expect(screen.getByText("十月")).toBeTruthy();

    fireEvent.change(screen.getByTestId("calendar-day"), { target: { value: `${year + 1}-01-04` } });
    fireEvent.click(screen.getByTestId("calendar-save"));
    expect(screen.getByText("请输入所选年份内的日期。")).toBeTruthy();

    fireEvent.change(screen.getByTestId("calendar-day"), { target: { value: `${year}-10-11` } });
    fireEvent.change(screen.getByTestId("calendar-note"), { target: { value: "国庆调休上班" } });
    fireEvent.click(screen.getByTestId("calendar-save"));

    await waitFor(() => expect(screen.getAllByTestId("calendar-override")).toHaveLength(2));
    expect(calls).toEqual([{ day: `${year}-10-11`, working: true, note: "国庆调休上班" }]);
  });

  it("accepts only real days of the chosen year", () => {
    expect(isDayInYear("2026-02-28", 2026)).toBe(true);
    expect(isDayInYear("2026-02-29", 2026)).toBe(false);
    expect(isDayInYear("2027-01-01", 2026)).toBe(false);
    expect(isDayInYear("2026-1-5", 2026)).toBe(false);
  });
});
