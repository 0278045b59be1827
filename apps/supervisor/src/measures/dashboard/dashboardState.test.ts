import { describe, expect, it } from "vitest";
import { defaultState, stateFromQuery, stateToQuery } from "./dashboardState.ts";

const NOW = new Date("2026-12-06T04:00:00Z");

describe("the dashboard's address", () => {
  it("is empty for this month and all tickets", () => {
    expect(stateToQuery(defaultState(NOW), NOW)).toBe("");
    expect(stateFromQuery("", NOW)).toEqual(defaultState(NOW));
  });

  it("keeps a period and filters across a drill-down and back", () => {
    const state = { ...defaultState(NOW), period: { kind: "quarter" as const, anchor: "2026-08-15", custom: { from: "2026-12-01", to: "2026-12-31" } }, filter: { unitId: "u-1", districtId: "d-1", categoryId: "", channel: "PHONE", requestType: "" }, includeSubUnits: false };
    const query = stateToQuery(state, NOW);
    expect(query).toBe("?period=quarter&day=2026-08-15&unit=u-1&district=d-1&channel=PHONE&sub=0");
    expect(stateFromQuery(query, NOW)).toEqual(state);
  });

  it("keeps a custom range, and ignores a broken one or unknown values", () => {
    const custom = stateFromQuery("?period=custom&from=2026-01-01&to=2026-03-31", NOW);
    expect(custom.period).toMatchObject({ kind: "custom", custom: { from: "2026-01-01", to: "2026-03-31" } });
    expect(stateToQuery(custom, NOW)).toBe("?period=custom&from=2026-01-01&to=2026-03-31");
    expect(stateFromQuery("?period=custom&from=2026-03-01&to=2026-01-01", NOW).period.kind).toBe("month");
    expect(stateFromQuery("?period=decade&district=%3Cscript%3E", NOW)).toEqual(defaultState(NOW));
  });
});
