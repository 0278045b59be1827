import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../App.tsx";
import { RECENT_LIMIT } from "../../dashboard/Dashboard.tsx";
import { CalendarCoverageDocument, MeDocument, SetCalendarYearDocument, TicketQueueDocument } from "../../gql/graphql.ts";
import { renderSupervisor } from "../../__tests__/fixtures.tsx";
import { CalendarYearForm } from "../calendar/CalendarYearForm.tsx";
import { checkYearSchedule, scheduleFromOverrides } from "../calendar/yearSchedule.ts";
import { always, recordingMock, renderRouting } from "./routingKit.tsx";

function renderAppAs(roles: string[], missingYears: number[], language: "en" | "zh-CN" = "en") {
  const coverageAsked = { count: 0 };
  const view = renderSupervisor(
    <App />,
    [
      { request: { query: MeDocument }, result: { data: { me: { __typename: "Viewer", id: "u1", username: "admin", displayName: "系统管理员", roles } } } },
      { ...always, request: { query: TicketQueueDocument, variables: { limit: RECENT_LIMIT } }, result: { data: { ticketQueue: { __typename: "TicketQueue", total: 0, items: [] } } } },
      {
        ...always,
        request: { query: CalendarCoverageDocument },
        result: () => {
          coverageAsked.count += 1;
          return { data: { calendarCoverage: { __typename: "CalendarCoverage", today: "2026-11-20", missingYears } } };
        },
      },
    ],
    language,
  );
  return { ...view, coverageAsked };
}

describe("the calendar coverage banner", () => {
  it("tells an admin that 2027 has no holiday calendar and links to the calendar page for 2027", async () => {
    renderAppAs(["ADMIN"], [2027]);
    const banner = await screen.findByTestId("calendar-coverage-banner");
    expect(banner.textContent).toContain("No holiday calendar for 2027 yet");
    expect(banner.textContent).toContain("deadlines in 2027 count every Monday to Friday as a working day");
    const link = within(banner).getByRole("link", { name: "Enter the 2027 schedule" });
    expect(link.getAttribute("href")).toMatch(/routing\/calendar\?year=2027$/);
  });

  it("speaks Chinese in a Chinese session", async () => {
    renderAppAs(["ADMIN"], [2027], "zh-CN");
    const banner = await screen.findByTestId("calendar-coverage-banner");
    expect(banner.textContent).toContain("尚未录入 2027 年节假日安排");
    expect(within(banner).getByRole("link", { name: "录入 2027 年安排" })).toBeTruthy();
  });

  it("stays away when every checked year is covered", async () => {
    const { coverageAsked } = renderAppAs(["ADMIN"], []);
    await waitFor(() => expect(coverageAsked.count).toBeGreaterThan(0));
    await act(() => Promise.resolve());
    expect(screen.queryByTestId("calendar-coverage-banner")).toBeNull();
  });

  it("is not shown to a supervisor, who cannot enter the calendar", async () => {
    const { coverageAsked } = renderAppAs(["SUPERVISOR"], [2027]);
    expect(await screen.findByText("系统管理员")).toBeTruthy();
    await act(() => Promise.resolve());
    expect(screen.queryByTestId("calendar-coverage-banner")).toBeNull();
    expect(coverageAsked.count).toBe(0);
  });
});

function setDate(group: HTMLElement, label: string, value: string) {
  fireEvent.change(within(group).getByLabelText(label), { target: { value } });
}

describe("entering a year's schedule", () => {
  it("refuses a Saturday as a holiday and a Monday as a make-up day, then saves the corrected year in one call", async () => {
    const calls: Record<string, unknown>[] = [];
    const saved = vi.fn();
    const save = recordingMock(SetCalendarYearDocument, calls, () => ({
      setCalendarYear: { __typename: "CalendarYearSaved", year: 2027, changedDays: 8, overrides: [] },
    }));
    renderRouting(<CalendarYearForm year={2027} overrides={[]} onSaved={saved} onCancel={() => undefined} />, [save]);

    const holiday = screen.getByRole("group", { name: "Holiday 1" });
    fireEvent.change(within(holiday).getByLabelText("Name"), { target: { value: "春节" } });
    setDate(holiday, "First day off", "2027-02-06");
    expect((within(holiday).getByLabelText("Last day off") as HTMLInputElement).value).toBe("2027-02-06");
    fireEvent.click(screen.getByRole("button", { name: "Add a make-up working day" }));
    const workday = screen.getByRole("group", { name: "Make-up day 1" });
    setDate(workday, "Day", "2027-02-08");
    fireEvent.click(screen.getByRole("button", { name: "Save 2027's schedule" }));

    expect(within(holiday).getByText("A holiday must include a weekday: Saturdays and Sundays are days off already.")).toBeTruthy();
    expect(within(workday).getByText("A make-up working day must be a Saturday or Sunday; weekdays are working days already.")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toBe("Check the marked rows; nothing was saved.");
    expect(calls).toEqual([]);

    setDate(holiday, "Last day off", "2027-02-12");
    setDate(workday, "Day", "2027-02-14");
    fireEvent.change(within(workday).getByLabelText(/Note/), { target: { value: "春节调休" } });
    fireEvent.click(screen.getByRole("button", { name: "Save 2027's schedule" }));

    await waitFor(() => expect(saved).toHaveBeenCalledWith("2027's schedule saved; 8 days changed."));
    expect(calls).toEqual([
      { input: { year: 2027, holidays: [{ name: "春节", start: "2027-02-06", end: "2027-02-12" }], workdays: [{ day: "2027-02-14", name: "春节调休" }] } },
    ]);
  });

  it("words the rules in Chinese and shows the server's row errors on their rows", async () => {
    const refuse = {
      ...always,
      request: { query: SetCalendarYearDocument, variables: () => true },
      result: { errors: [{ message: "This day is inside a holiday.", extensions: { code: "BAD_USER_INPUT", fields: [{ field: "workdays.0.day", code: "OVERLAP", message: "This day is inside a holiday." }] } }] },
    };
    renderRouting(
      <CalendarYearForm
        year={2027}
        overrides={[{ day: "2027-10-02", working: true, note: "国庆调休" }]}
        onSaved={() => undefined}
        onCancel={() => undefined}
      />,
      [refuse],
      "zh-CN",
    );
    const workday = screen.getByRole("group", { name: "调休上班日 1" });
    setDate(workday, "日期", "2027-10-04");
    fireEvent.click(screen.getByRole("button", { name: "保存 2027 年安排" }));
    expect(within(workday).getByText("调休上班日须为周六或周日：周一至周五本来就上班。")).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "假期 1" })).getByText("请填写假期名称，如 春节。")).toBeTruthy();

    const holiday = screen.getByRole("group", { name: "假期 1" });
    fireEvent.change(within(holiday).getByLabelText("名称"), { target: { value: "国庆节" } });
    setDate(holiday, "放假起", "2027-10-01");
    setDate(holiday, "放假止", "2027-10-07");
    setDate(workday, "日期", "2027-10-09");
    fireEvent.click(screen.getByRole("button", { name: "保存 2027 年安排" }));
    expect(await within(workday).findByText("与其他假期或调休上班日重叠。")).toBeTruthy();
  });

  it("starts from the year's overrides, one holiday per run of days off with the same name", () => {
    const schedule = scheduleFromOverrides([
      { day: "2027-02-07", working: false, note: "春节" },
      { day: "2027-02-06", working: false, note: "春节" },
      { day: "2027-02-08", working: false, note: "春节" },
      { day: "2027-02-14", working: true, note: "春节调休" },
      { day: "2027-08-03", working: false, note: null },
    ]);
    expect(schedule.holidays.map(({ name, start, end }) => [name, start, end])).toEqual([
      ["春节", "2027-02-06", "2027-02-08"],
      ["", "2027-08-03", "2027-08-03"],
    ]);
    expect(schedule.workdays.map(({ day, name }) => [day, name])).toEqual([["2027-02-14", "春节调休"]]);
    expect(checkYearSchedule(2027, schedule)).toEqual({ "holidays.1.name": "REQUIRED" });
  });
});
