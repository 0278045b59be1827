import { describe, expect, it } from "vitest";
import { CALENDAR_YEARS, DEFAULT_MAX_OFFSET, intInRange, OutOfRangeError, pageInput } from "./paging.js";

const RULE = { defaultLimit: 50, maxLimit: 200 };

function refusal(run: () => unknown): OutOfRangeError {
  try {
    run();
  } catch (error) {
    if (error instanceof OutOfRangeError) {
      return error;
    }
    throw error;
  }
  throw new Error("expected an OutOfRangeError");
}

describe("pageInput", () => {
  it("applies the defaults and keeps valid values as they are", () => {
    expect(pageInput({}, RULE)).toEqual({ limit: 50, offset: 0 });
    expect(pageInput({ limit: null, offset: null }, RULE)).toEqual({ limit: 50, offset: 0 });
    expect(pageInput({ limit: 1, offset: 0 }, RULE)).toEqual({ limit: 1, offset: 0 });
    expect(pageInput({ limit: 200, offset: DEFAULT_MAX_OFFSET }, RULE)).toEqual({ limit: 200, offset: DEFAULT_MAX_OFFSET });
  });

  it.each([
    [{ limit: 0 }, "limit must be between 1 and 200."],
    [{ limit: -5 }, "limit must be between 1 and 200."],
    [{ limit: 201 }, "limit must be between 1 and 200."],
    [{ limit: 2.5 }, "limit must be between 1 and 200."],
    [{ offset: -1 }, `offset must be between 0 and ${DEFAULT_MAX_OFFSET}.`],
    [{ offset: DEFAULT_MAX_OFFSET + 1 }, `offset must be between 0 and ${DEFAULT_MAX_OFFSET}.`],
  ])("refuses %o with BAD_USER_INPUT naming the range", (args, message) => {
    const error = refusal(() => pageInput(args, RULE));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toBe(message);
    expect(error.details.fields).toEqual([expect.objectContaining({ code: "OUT_OF_RANGE", message })]);
  });

  it("lists every offending argument at once, with its bounds", () => {
    const error = refusal(() => pageInput({ limit: -1, offset: 5000 }, { defaultLimit: 10, maxLimit: 50, maxOffset: 1000 }));
    expect(error.message).toBe("limit must be between 1 and 50; offset must be between 0 and 1000.");
    expect(error.details.fields).toEqual([
      { field: "limit", code: "OUT_OF_RANGE", message: "limit must be between 1 and 50.", min: 1, max: 50 },
      { field: "offset", code: "OUT_OF_RANGE", message: "offset must be between 0 and 1000.", min: 0, max: 1000 },
    ]);
  });
});

describe("intInRange", () => {
  it("accepts the bounds and applies a default", () => {
    expect(intInRange("year", 2000, CALENDAR_YEARS)).toBe(2000);
    expect(intInRange("year", 2100, CALENDAR_YEARS)).toBe(2100);
    expect(intInRange("days", null, { min: 1, max: 30, defaultValue: 5 })).toBe(5);
  });

  it.each([-1, 0, 1999, 2101, 100_000])("refuses year %d", (year) => {
    expect(refusal(() => intInRange("year", year, CALENDAR_YEARS)).message).toBe("year must be between 2000 and 2100.");
  });

  it("refuses a missing value without a default", () => {
    expect(refusal(() => intInRange("days", undefined, { min: 1, max: 30 })).message).toBe("days must be between 1 and 30.");
  });
});
