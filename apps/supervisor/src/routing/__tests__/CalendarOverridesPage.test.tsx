import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CalendarOverridesDocument, SetCalendarOverrideDocument } from "../../gql/graphql.ts";
import { CalendarOverridesPage, currentYear, isDayInYear } from "../calendar/CalendarOverridesPage.tsx";
import { recordingMock, renderRouting, stateMock } from "./routingKit.tsx";

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
    renderRouting(<CalendarOverridesPage />, [stateMock(CalendarOverridesDocument, () => ({ calendarOverrides: server.overrides }), { year }), set], "zh-CN");
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
