import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

type Day = { day: string; working: boolean; source: string; maintained: boolean; note: string | null };
const MONTH = "query($y: Int!, $m: Int!) { calendarMonth(year: $y, month: $m) { day working source maintained note } }";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway?.stop());

describe("the working calendar's month view", () => {
  it("gives every day of a month: official holidays and make-up days, weekends, and an admin's override", async () => {
    const admin = await gateway.login("admin");
    const set = await gateway.gql("mutation { setCalendarOverride(day: \"2026-10-20\", working: false, note: \"区里停电\") { day } }", undefined, admin);
    expect(set.errors).toBeUndefined();
    const result = await gateway.gql<{ calendarMonth: Day[] }>(MONTH, { y: 2026, m: 10 }, await gateway.login("supervisor"));
    expect(result.errors).toBeUndefined();
    const days = new Map(result.data!.calendarMonth.map((day) => [day.day, day]));
    expect(days.size).toBe(31);
    expect(days.get("2026-10-01")).toMatchObject({ working: false, source: "OFFICIAL" });
    expect(days.get("2026-10-10")).toMatchObject({ working: true, source: "OFFICIAL" }); // Saturday, make-up working day
    expect(days.get("2026-10-11")).toMatchObject({ working: false }); // an ordinary Sunday
    expect(days.get("2026-10-13")).toMatchObject({ working: true }); // an ordinary Tuesday
    expect(days.get("2026-10-20")).toMatchObject({ working: false, source: "OVERRIDE", note: "区里停电" });
  });

  it("refuses a month out of range and other roles", async () => {
    const bad = await gateway.gql(MONTH, { y: 2026, m: 13 }, await gateway.login("admin"));
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const handler = await gateway.gql(MONTH, { y: 2026, m: 10 }, await gateway.login("handler"));
    expect(handler.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
