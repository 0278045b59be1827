import { describe, expect, it } from "vitest";
import { reconnectDelay } from "./reconnect.js";

describe("reconnectDelay", () => {
  it("doubles from a quarter second up to ten seconds, each delay jittered between half and all of it", () => {
    expect([0, 1, 2, 3, 6, 20].map((attempt) => reconnectDelay(attempt, () => 1))).toEqual([250, 500, 1000, 2000, 10_000, 10_000]);
    expect([0, 1, 2, 20].map((attempt) => reconnectDelay(attempt, () => 0))).toEqual([125, 250, 500, 5000]);
    const delays = Array.from({ length: 50 }, () => reconnectDelay(3));
    expect(new Set(delays).size).toBeGreaterThan(1);
    expect(delays.every((delay) => delay >= 1000 && delay <= 2000)).toBe(true);
  });
});
