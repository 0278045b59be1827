import { describe, expect, it } from "vitest";
import { EMPTY_FORM, exportHref, fromFilter, invertedRanges, toFilter, wholeTrackingNumber } from "./filter.ts";

describe("the ticket search form", () => {
  it("opens a whole tracking number and treats a part of one as a tracking criterion, anything else as words", () => {
    expect(wholeTrackingNumber(" zb-20261124-00017 ")).toBe("ZB-20261124-00017");
    expect(wholeTrackingNumber("ZB-20261124")).toBeNull();
    expect(toFilter({ ...EMPTY_FORM, box: "ZB-2026112" })).toEqual({ trackingNumber: "ZB-2026112" });
    expect(toFilter({ ...EMPTY_FORM, box: "00017" })).toEqual({ trackingNumber: "00017" });
    expect(toFilter({ ...EMPTY_FORM, box: "路灯 不亮" })).toEqual({ text: "路灯 不亮" });
    expect(toFilter({ ...EMPTY_FORM, box: "路灯", trackingNumber: "ZB-2026" })).toEqual({ text: "路灯", trackingNumber: "ZB-2026" });
  });

  it("sends only what is set, dates as whole days in China time", () => {
    expect(toFilter(EMPTY_FORM)).toEqual({});
    expect(toFilter({ ...EMPTY_FORM, status: "CLOSED", receivedFrom: "2026-11-01", receivedTo: "2026-11-30", overdue: true, districtId: "d1" })).toEqual({
      statuses: ["CLOSED"],
      received: { from: "2026-11-01T00:00:00+08:00", to: "2026-11-30T23:59:59.999+08:00" },
      overdue: true,
      districtId: "d1",
    });
  });

  it("finds a range that ends before it starts before asking the server", () => {
    expect(invertedRanges({ ...EMPTY_FORM, closedFrom: "2026-11-10", closedTo: "2026-11-01", repliedFrom: "2026-11-01" })).toEqual(["closed"]);
  });

  it("reads a saved view back into the form", () => {
    const form = fromFilter(JSON.stringify({ text: "路灯", statuses: ["DISPATCHED"], received: { from: "2026-10-31T16:00:00.000Z", to: null }, returned: true }), "DUE_ASC" as never);
    expect(form).toMatchObject({ box: "路灯", status: "DISPATCHED", receivedFrom: "2026-11-01", receivedTo: "", returned: true, sort: "DUE_ASC" });
    expect(toFilter(form)).toEqual({ text: "路灯", statuses: ["DISPATCHED"], received: { from: "2026-11-01T00:00:00+08:00", to: null }, returned: true });
  });

  it("builds the export's address", () => {
    const href = exportHref({ text: "路灯" }, "RECEIVED_DESC" as never, "en");
    expect(href.startsWith("/tickets/export.csv?")).toBe(true);
    const params = new URLSearchParams(href.split("?")[1]);
    expect(JSON.parse(params.get("filter")!)).toEqual({ text: "路灯" });
    expect(params.get("lang")).toBe("en");
  });
});
